#include <sqlite3.h>
#include "CSQLiteSettings.h"

// sqlite3_config takes variable arguments, which Swift cannot pass.
int mladesk_sqlite_configure(void) {
    int code = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (code != SQLITE_OK) return code;
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
}
