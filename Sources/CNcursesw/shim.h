#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <poll.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and mutable globals do not import into Swift 6; these read them. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_standout(void) { return A_STANDOUT; }

/* Adopts the user's locale so wide characters are drawn, then starts curses on the standard
   streams; returns NULL instead of exiting the process when the terminal cannot be used.
   The desk draws Unicode: under a locale that is not UTF-8 (LANG=C, POSIX, none) curses would
   leave every character beyond ASCII blank, so the character type falls back to C.UTF-8. */
static inline SCREEN *cn_start(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    return newterm(NULL, stdout, stdin);
}

/* Writes one cell: a wide-char string (one grapheme) with attributes and a colour pair. */
/* The columns ncurses gives a character: wcwidth of the locale ncurses was started in. */
int wcwidth(wchar_t c);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int cn_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* Asks the terminal to mark pasted text (bracketed paste), or to stop; terminals that do not
   know the mode ignore it. write(2), so the signal handler may call it too. */
static inline void cn_bracketed_paste(int on) {
    const char *sequence = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t written = write(STDOUT_FILENO, sequence, strlen(sequence));
    (void)written;
}

/* Signal handler: give the terminal back, then leave with 128 + signal. */
static void cn_restore_and_exit(int sig) {
    endwin();
    cn_bracketed_paste(0);
    _exit(128 + sig);
}

/* The first SIGINT, SIGTERM or SIGHUP is noted, and the desk ends its run loop and closes its
   case file in order (SQLite cannot be closed in a handler); a second one ends at once. */
static volatile sig_atomic_t cn_ending_signal = 0;

static void cn_note_ending(int sig) {
    if (cn_ending_signal != 0) cn_restore_and_exit(sig);
    cn_ending_signal = sig;
}

static inline int cn_pending_ending(void) { return cn_ending_signal; }

/* Whether the terminal has gone (its other side closed) without a SIGHUP reaching us: a read
   would return at once, for ever, and the run loop would spin. */
static inline int cn_input_hung_up(void) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) < 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static inline void cn_install_signal_handlers(void) {
    /* A parent may have started us with these signals blocked (threads of many runtimes block
       them, and posix_spawn passes the mask on); the desk must still see resizes and stops. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    struct sigaction action;
    action.sa_handler = cn_note_ending;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

static inline void cn_reset_signal_handlers(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
}


/// Makes the next doupdate() repaint every cell: after a resize the terminal may have
/// scrolled or clipped what curses believes is on it.
static inline void cn_force_repaint(void) { clearok(curscr, TRUE); }
#endif
