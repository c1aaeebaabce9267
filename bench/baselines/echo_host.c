/* Baseline for bench/run: the least a native-messaging host can do. Reads
 * frames (32-bit native-endian length + payload) from stdin and writes each
 * back unchanged, until EOF. No JSON, no database: its start-up time and RSS
 * are the floor that vigie-host is compared with. Build: cc -O2 echo_host.c */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_all(int fd, void *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = read(fd, (char *)buf + done, n - done);
    if (r <= 0) return -1;
    done += (size_t)r;
  }
  return 0;
}

static int write_all(int fd, const void *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(fd, (const char *)buf + done, n - done);
    if (w <= 0) return -1;
    done += (size_t)w;
  }
  return 0;
}

int main(void) {
  static char body[1 << 20];
  uint32_t length;
  while (read_all(0, &length, sizeof length) == 0) {
    if (length > sizeof body) return 3;
    if (read_all(0, body, length) != 0) return 0;
    if (write_all(1, &length, sizeof length) != 0 || write_all(1, body, length) != 0) return 0;
  }
  return 0;
}
