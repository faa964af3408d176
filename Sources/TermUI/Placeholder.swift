public enum TermUIPlaceholder {}
