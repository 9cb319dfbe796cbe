/* A SpanDSP far end (SpanDSP 0.0.6 API): a T.31 Class 1 fax modem on a pseudo-terminal,
 * wired through an in-process audio loop (8 kHz int16, 160-sample blocks) to an answering
 * T.30 terminal that writes each call's pages to a TIFF. hw/modemsim/farend.py builds and
 * runs it and documents the CLI. Line time runs as fast as the CPU allows while the host only
 * waits, at real time while the host is expected to act (command mode, HDLC transmit), and
 * stands still up to STALL_MS while the modem waits for page data (a slow host never
 * under-runs the modem). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#define SPANDSP_EXPOSE_INTERNAL_STRUCTURES
#include <spandsp.h>

#define BLOCK 160
#define BLOCK_S 0.02
#define DLE 0x10   /* T.31 data-mode escape; DLE ETX ends data */
#define ETX 0x03
#define STALL_MS 1000   /* longest real-time wait for page data */
#define GRACE_S 30      /* real-time wait for ATH or close after the call ended */
#define SECS(x) ((int) ((x) * 8000))
enum { CALL_IDLE, CALL_DIALING, CALL_UP, CALL_OVER };
enum { TCF_CLEAN, TCF_ARMED, TCF_NOISY };
static struct {
    const char *tiff, *ident;
    int no_answer, busy, after_pages, mid_page, modems, calls, calls_done;
    t31_state_t *t31; fax_state_t *fax; t30_state_t *t30;
    int master, slave, host_seen, block_read;
    int call, dial_left, far_up, called;
    int last_far_tx, pages_started, page_samples, was_trained;   /* last_far_tx: an FCF */
    int tcf, tcf_left, tcf_n, tcf_samples, mcf_count, after_left, starving, await_ok;
    int result_code, result_pages, result_ready, result_done;
    double next_rt, stall_until, end_deadline;
    unsigned char in[4096]; int in_len, in_dle;   /* host bytes not yet fed */
} h;

static FILE *log_file;
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* End the process at real time t (the earliest deadline wins). */
static void end_at(double t)
{
    if (!h.end_deadline || t < h.end_deadline) h.end_deadline = t;
}

static void log_message(int level, const char *text) { fputs(text, log_file), fflush(log_file); }

static void setup_log(logging_state_t *l, const char *tag)
{
    if (!log_file) return;
    span_log_set_message_handler(l, log_message);
    span_log_set_level(l, SPAN_LOG_FLOW | SPAN_LOG_SHOW_TAG | SPAN_LOG_SHOW_SAMPLE_TIME);
    span_log_set_tag(l, tag);
}

/* Modem output to the host: wait briefly rather than drop bytes. */
static int at_tx(at_state_t *s, void *user, const uint8_t *buf, size_t len)
{
    size_t done = 0;
    struct pollfd p = { .fd = h.master, .events = POLLOUT };
    h.await_ok = 0;
    while (done < len) {
        ssize_t n = write(h.master, buf + done, len - done);
        if (n > 0)
            done += n;
        else if (n == 0 || errno != EAGAIN || poll(&p, 1, 2000) <= 0) break;
    }
    return (int) len;
}

/* The far end goes on-hook: T.30 ends, the modem sees the line drop. */
static void far_hangup(void)
{
    if (!h.far_up) return;
    h.far_up = 0;
    t30_terminate(h.t30);
    /* T.31 says nothing if it was still sending data after DLE ETX. */
    if (h.await_ok)
        at_put_response_code(&h.t31->at_state, AT_RESPONSE_CODE_NO_CARRIER);
    t31_call_event(h.t31, AT_CALL_EVENT_HANGUP);
    h.call = CALL_OVER;
}

/* The host ends the call (ATH or closing the port). */
static void host_hangup(double grace)
{
    if (h.called && h.far_up) t30_terminate(h.t30);
    if (h.called) {
        h.far_up = 0;
        h.call = CALL_OVER;
        if (h.calls == 1)
            end_at(now() + grace);
        else if (!h.result_ready)   /* no phase E: this call's RESULT says dropped */
            h.result_code = T30_ERR_CALLDROPPED, h.result_ready = 1;
    }
}

static int modem_control(t31_state_t *s, void *user, int op, const char *num)
{
    if (op == AT_MODEM_CONTROL_CALL) {
        h.call = CALL_DIALING, h.called = 1;
        h.dial_left = SECS(h.no_answer ? 30 : h.busy ? 2 : 1);
    } else if (op == AT_MODEM_CONTROL_HANGUP) {
        host_hangup(1.0);   /* ATH; the far end's hang-up arrives as ONHOOK */
    } else if (op == AT_MODEM_CONTROL_CTS) {
        h.block_read = (num == NULL);
    }
    return 0;
}

static void phase_e(t30_state_t *s, void *user, int code)
{
    t30_stats_t st;
    t30_get_transfer_statistics(s, &st);
    h.result_code = code, h.result_pages = st.pages_rx, h.result_ready = 1;
}

static void frame_seen(t30_state_t *s, void *user, int incoming, const uint8_t *msg, int len)
{
    int fcf = len >= 3 ? msg[2] & 0xFE : -1;
    if (incoming) {
        if (fcf == T30_DCS && h.tcf_left > 0)
            h.tcf_left--, h.tcf = TCF_ARMED;
        return;
    }
    h.last_far_tx = fcf;
    h.tcf = TCF_CLEAN;
    if (fcf == T30_MCF && ++h.mcf_count == h.after_pages) h.after_left = SECS(1);
}

static void far_init(void)
{
    h.fax = fax_init(NULL, FALSE);
    h.t30 = fax_get_t30_state(h.fax);
    t30_set_tx_ident(h.t30, h.ident);
    static char name[4096];
    snprintf(name, sizeof(name), h.calls == 1 ? "%s" : "%s-%d.tif", h.tiff, h.calls_done + 1);
    t30_set_rx_file(h.t30, name, -1);
    t30_set_ecm_capability(h.t30, FALSE);
    t30_set_supported_modems(h.t30, h.modems);
    t30_set_supported_compressions(h.t30, T30_SUPPORT_T4_1D_COMPRESSION | T30_SUPPORT_T4_2D_COMPRESSION);
    t30_set_supported_resolutions(h.t30, T30_SUPPORT_STANDARD_RESOLUTION | T30_SUPPORT_FINE_RESOLUTION);
    t30_set_supported_image_sizes(h.t30, T30_SUPPORT_215MM_WIDTH | T30_SUPPORT_A4_LENGTH
                                             | T30_SUPPORT_UNLIMITED_LENGTH);
    t30_set_phase_e_handler(h.t30, phase_e, NULL);
    t30_set_real_time_frame_handler(h.t30, frame_seen, NULL);
    setup_log(fax_get_logging_state(h.fax), "FAX");
    setup_log(t30_get_logging_state(h.t30), "T.30");
}

/* Mid-page hang-up and TCF corruption, decided once per block. */
static void line_events(int16_t *to_far)
{
    int trained = h.t30->rx_trained;
    int in_page = h.last_far_tx == T30_CFR || h.last_far_tx == T30_MCF || h.last_far_tx == T30_RTP;
    if (trained && !h.was_trained && in_page) h.pages_started++, h.page_samples = 0;
    h.was_trained = trained;
    if (trained && in_page && h.pages_started == h.mid_page
        && (h.page_samples += BLOCK) > SECS(0.5)) {
        far_hangup();
        return;
    }
    /* Let the training and 0.25 s of TCF through, then replace every fifth
       block with loud noise until the TCF ends: the longest run of zeros is
       too short, and the receiver answers FTT once the TCF is over. */
    if (h.tcf == TCF_ARMED && trained) h.tcf = TCF_NOISY, h.tcf_samples = 0;
    if (h.tcf == TCF_NOISY && (h.tcf_samples += BLOCK) > SECS(0.25) && (h.tcf_samples / BLOCK) % 5 == 0) {
        for (int i = 0; i < BLOCK; i++)
            to_far[i] = (int16_t) ((rand() % 16001) - 8000);
    }
}

static void run_block(void)
{
    int16_t a[BLOCK] = { 0 }, b[BLOCK];
    int n;
    if (h.far_up && (n = fax_tx(h.fax, a, BLOCK)) < BLOCK) memset(a + n, 0, (BLOCK - n) * 2);
    t31_rx(h.t31, a, BLOCK);
    if ((n = t31_tx(h.t31, b, BLOCK)) < BLOCK) memset(b + n, 0, (BLOCK - n) * 2);
    if (h.far_up) line_events(b);
    if (h.far_up) {
        fax_rx(h.fax, b, BLOCK);
        span_log_bump_samples(fax_get_logging_state(h.fax), BLOCK);
        span_log_bump_samples(t30_get_logging_state(h.t30), BLOCK);
        /* --hangup-after-pages: drop the line 1 s after the MCF has been sent */
        if (h.after_left > 0 && !h.fax->modems.transmit && (h.after_left -= BLOCK) <= 0)
            far_hangup();
    }
    if (h.call == CALL_DIALING && (h.dial_left -= BLOCK) <= 0) {
        if (h.busy || h.no_answer) {
            t31_call_event(h.t31, h.busy ? AT_CALL_EVENT_BUSY : AT_CALL_EVENT_NO_ANSWER);
            h.call = CALL_IDLE;
        } else {
            t31_call_event(h.t31, AT_CALL_EVENT_CONNECTED);
            h.call = CALL_UP, h.far_up = 1;
        }
    }
    span_log_bump_samples(t31_get_logging_state(h.t31), BLOCK);
    span_log_bump_samples(&h.t31->at_state.logging, BLOCK);
}

/* Hand buffered host bytes to the modem, no more than its buffer takes. */
static void feed_host(void)
{
    while (h.in_len > 0 && !h.block_read) {
        int n = h.in_len, i;
        if (h.t31->at_state.at_rx_mode == AT_MODE_STUFFED) {
            int room = T31_TX_BUF_LEN - 2 - (h.t31->tx.in_bytes - h.t31->tx.out_bytes);
            n = n < room ? n : room;
            /* stop after DLE ETX: T.31 drops whatever follows it in the same call */
            for (i = 0; i < n; i++) {
                if (h.in_dle && h.in[i] == ETX) n = i + 1, h.await_ok = 1;
                h.in_dle = !h.in_dle && h.in[i] == DLE;
            }
        } else {
            h.in_dle = 0;
        }
        if (n <= 0) return;
        t31_at_rx(h.t31, (const char *) h.in, n);
        memmove(h.in, h.in + n, h.in_len - n);
        h.in_len -= n;
        h.starving = 0;
    }
}

/* True when the host is only waiting for the line, so time may run fast. */
static int line_may_run_fast(void)
{
    t31_state_t *t = h.t31;
    int pending = t->tx.in_bytes - t->tx.out_bytes;
    if (h.call == CALL_DIALING) return 1;
    if (h.call != CALL_UP) return 0;
    switch (t->at_state.at_rx_mode) {
    case AT_MODE_DELIVERY:
        return 1;
    case AT_MODE_STUFFED:
        return !h.starving && (pending > t->bit_rate * BLOCK / 8000 / 8 || t->tx.final);
    case AT_MODE_OFFHOOK_COMMAND:
        return pending > 0 || t->tx.final;
    }
    return 0;
}

static void open_pty(void)
{
    struct termios tio;
    char name[128];
    h.master = posix_openpt(O_RDWR | O_NOCTTY);
    if (h.master < 0 || grantpt(h.master) || unlockpt(h.master)
        || ptsname_r(h.master, name, sizeof(name))) {
        perror("pty");
        exit(2);
    }
    /* Hold the slave open until the host has spoken, so that HUP means "host closed". */
    h.slave = open(name, O_RDWR | O_NOCTTY);
    tcgetattr(h.slave, &tio);
    cfmakeraw(&tio);
    cfsetspeed(&tio, B115200);
    tcsetattr(h.slave, TCSANOW, &tio);
    fcntl(h.master, F_SETFL, fcntl(h.master, F_GETFL) | O_NONBLOCK);
    printf("PTY %s\n", name);
    fflush(stdout);
}

/* Print RESULT once the far end's T.30 has ended (or, at exit, in any case). */
static void finish_result(int at_exit)
{
    if (h.result_done || !(h.result_ready || at_exit)) return;
    if (h.result_ready)
        fax_release(h.fax);   /* closes the TIFF */
    else
        h.result_code = T30_ERR_CALLDROPPED;
    h.far_up = 0, h.result_done = 1;
    printf("RESULT %d %d %s\n", h.result_code, h.result_pages, t30_completion_code_to_str(h.result_code));
    fflush(stdout);
    if (at_exit || h.calls == 1) end_at(now() + GRACE_S);
}

/* --calls: once the host has hung up after a RESULT, a new receiver and TIFF for the next ATD. */
static void next_call(void)
{
    if (h.calls == 1 || !h.result_done || h.call != CALL_OVER) return;
    if (h.calls && h.calls_done + 1 >= h.calls) {
        end_at(now() + 1.0);
        return;
    }
    h.calls_done++;
    h.call = CALL_IDLE, h.called = h.far_up = h.last_far_tx = h.pages_started = h.page_samples = 0;
    h.was_trained = h.tcf_samples = h.mcf_count = h.after_left = h.tcf = 0, h.tcf_left = h.tcf_n;
    h.result_code = h.result_pages = h.result_ready = h.result_done = 0;
    far_init();
}

static void parse_args(int argc, char **argv)
{
    static const struct option opts[] = {
        { "tiff", 1, 0, 't' }, { "no-answer", 0, 0, 'n' }, { "busy", 0, 0, 'b' },
        { "hangup-after-pages", 1, 0, 'a' }, { "hangup-mid-page", 1, 0, 'm' },
        { "fail-training", 1, 0, 'f' }, { "modems", 1, 0, 'M' }, { "ident", 1, 0, 'i' },
        { "log", 1, 0, 'l' }, { "calls", 1, 0, 'c' }, { 0, 0, 0, 0 }
    };
    char *tok, *save = NULL;
    int c, bad = 0;
    h.ident = "+62 355 000000", h.calls = 1;
    h.modems = T30_SUPPORT_V17 | T30_SUPPORT_V29 | T30_SUPPORT_V27TER;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 't': h.tiff = optarg; break;
        case 'n': h.no_answer = 1; break;
        case 'b': h.busy = 1; break;
        case 'a': h.after_pages = atoi(optarg); break;
        case 'm': h.mid_page = atoi(optarg); break;
        case 'f': h.tcf_left = h.tcf_n = atoi(optarg); break;
        case 'i': h.ident = optarg; break;
        case 'c': h.calls = atoi(optarg); break;
        case 'l': bad |= !(log_file = fopen(optarg, "w")); break;
        case 'M':
            h.modems = 0;
            for (tok = strtok_r(optarg, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                c = !strcmp(tok, "v17") ? T30_SUPPORT_V17 : !strcmp(tok, "v29") ? T30_SUPPORT_V29
                  : !strcmp(tok, "v27ter") ? T30_SUPPORT_V27TER : 0;
                bad |= !c, h.modems |= c;
            }
            break;
        default: bad = 1;
        }
    }
    if (bad || !h.tiff || optind < argc) {
        fputs("usage: farend --tiff OUT.tif [options] (see hw/modemsim/farend.py)\n", stderr);
        exit(2);
    }
}

/* One pass: wait for host bytes or the next block's time, then run a block. */
static void step(void)
{
    struct pollfd p = { .fd = h.master };
    int fast = h.call != CALL_IDLE && line_may_run_fast(), stalling;
    double t = now(), wait;
    if (h.t31->at_state.at_rx_mode != AT_MODE_STUFFED || fast || h.starving)
        h.stall_until = 0;
    else if (!h.stall_until)   /* the modem waits for page data: hold the line still */
        h.stall_until = t + STALL_MS / 1000.0;
    else
        h.starving = t > h.stall_until;
    stalling = h.stall_until && !h.starving;
    wait = h.call == CALL_IDLE ? 0.05 : fast ? 0 : (stalling ? h.stall_until : h.next_rt) - t;
    p.events = (h.block_read || h.in_len >= (int) sizeof(h.in)) ? 0 : POLLIN;
    poll(&p, 1, wait > 0 ? (int) (wait * 1000) + 1 : 0);
    if (p.revents & POLLIN) {
        ssize_t n = read(h.master, h.in + h.in_len, sizeof(h.in) - h.in_len);
        if (n > 0 && (h.in_len += n) && !h.host_seen) {
            h.host_seen = 1;
            if (h.calls == 1)   /* one call: the host closing the port ends it */
                close(h.slave);
        }
    } else if ((p.revents & (POLLHUP | POLLERR)) && h.host_seen) {
        usleep(200000);   /* the host closed the port; after a call, that ends it */
        host_hangup(0);
    }
    feed_host();
    t = now();
    if (h.call != CALL_IDLE && (fast || (!stalling && t >= h.next_rt))) {
        run_block();
        h.next_rt = fast ? t + BLOCK_S : h.next_rt + BLOCK_S;
        if (h.next_rt < t - 0.1)
            h.next_rt = t;
    }
    finish_result(0);
    next_call();
}

int main(int argc, char **argv)
{
    parse_args(argc, argv);
    open_pty();
    h.t31 = t31_init(NULL, at_tx, NULL, modem_control, NULL, NULL, NULL);
    t31_set_transmit_on_idle(h.t31, TRUE);
    setup_log(t31_get_logging_state(h.t31), "T.31");
    setup_log(&h.t31->at_state.logging, "AT");
    far_init();
    h.next_rt = now();
    while (!h.end_deadline || now() < h.end_deadline)
        step();
    finish_result(1);
    usleep(100000);   /* let the last response reach the host */
    return 0;
}
