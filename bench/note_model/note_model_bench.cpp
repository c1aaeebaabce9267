// bench/note_model: the learned note model's cost. Loading the shipped file
// (once per host process, the first time a note is assessed), the memory it
// holds, and the time to score one note, over the notes given on stdin (one
// per line). Prints numbers; the target is <= 1 ms per note.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/note_model.hpp"

namespace {

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// CPU time of this thread: on a shared machine wall time also counts the
// time other processes held the core.
double cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: note_model_bench MODEL < notes.txt\n";
    return 2;
  }
  std::vector<std::string> notes;
  for (std::string line; std::getline(std::cin, line);) notes.push_back(line);
  using clock = std::chrono::steady_clock;
  const long rss_before = rss_kib();
  const auto t0 = clock::now();
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const auto model = vigie::domain::note_model::parse(text.str());
  const auto t1 = clock::now();
  const long rss_after = rss_kib();
  std::printf("load: %.2f ms, %zu weights, RSS +%ld KiB (file text freed: +%ld KiB held)\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count(), model.size(), rss_after - rss_before,
              static_cast<long>(model.size() * 16 / 1024));
  std::vector<double> wall, cpu;
  double sink = 0;
  for (int round = 0; round < 5; ++round) {
    for (const auto& n : notes) {
      const auto a = clock::now();
      const double c = cpu_us();
      sink += model.score(n).probability;
      cpu.push_back(cpu_us() - c);
      wall.push_back(std::chrono::duration<double, std::micro>(clock::now() - a).count());
    }
  }
  std::printf("score, CPU time: %zu notes x 5: median %.1f us, p99 %.1f us, max %.1f us per note (target <= 1000 us)\n",
              notes.size(), percentile(cpu, 0.5), percentile(cpu, 0.99), percentile(cpu, 1.0));
  std::printf("score, wall time: median %.1f us, p99 %.1f us (includes waiting for a shared core)  [%g]\n",
              percentile(wall, 0.5), percentile(wall, 0.99), sink);
  return 0;
}
