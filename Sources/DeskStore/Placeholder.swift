import GRDB
import Crypto
public enum DeskStorePlaceholder {}
