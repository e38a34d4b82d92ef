// detection_bench: in-process carrier detection throughput on one thread (a
// benchmark, not a test). Runs over a mix of numbers a help desk sees: every
// valid and invalid test number of the tracking_number_data dataset (MIT,
// jkeen; all of its couriers, the ones the service does not know included)
// in ../shared/fixtures, or, where ../shared is absent, a built-in sample of
// valid and invalid numbers; plus every sandbox tracking number. Three paths:
//
//   DetectNormalized      the lean routing path on numbers normalized once at
//                         the RPC edge (what a lookup pays to pick its adapter)
//   Normalize + Detect... the same with NormalizeTrackingNumber on the raw text
//   DetectCarrier         the full answer of the DetectCarrier RPC: the
//                         response proto with tracking URLs, from raw text
//
// Before timing, each number's lean and full answers are compared (carriers,
// order, check results, invalid_checksum): a mismatch exits 1. Each path runs
// --runs times for --seconds; the figure is the median run's numbers per
// second of the thread's own CPU time (what one core gives), with numbers per
// wall-clock second beside it (less on a busy machine).
//
//   build/tests/detection_bench [--seconds=1] [--runs=5] [--fixtures=DIR|-]
//
// Prints a header line and one line per path. Exit status: 0, 1 when the
// paths disagree, 2 for bad flags or an unreadable fixture file.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/detection/carrier_detection.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/test_paths.h"

ABSL_FLAG(double, seconds, 1.0, "length of each timed run");
ABSL_FLAG(int, runs, 5, "timed runs per path (the median is reported)");
ABSL_FLAG(std::string, fixtures, "",
          "tracking_number_data's couriers folder (default: the one in ../shared next to the "
          "checkout, or the built-in samples when it is absent; \"-\": the built-in samples)");

namespace trackenrich::bench {
namespace {

namespace fs = std::filesystem;

struct Mix {
  std::vector<std::string> raw;
  std::string source;  // how the mix was made, for the header line
};

// Valid and invalid numbers for when ../shared is absent: carriers' published
// examples and tracking_number_data test numbers, as written by people
// (spaces, lower case), each carrier with a failed check digit too.
constexpr const char* kBuiltInNumbers[] = {
    "1Z999AA10123456784",
    "1Z5R89390357567127",
    "1Z 879E 930 3468 3444 0",
    "1Z999AA10123456785",
    "K1506235620",
    "J4603636538",
    "986578788855",
    "996578788855",
    "0414 4176 0228 964",
    "9611020987654312345672",
    "1001921334250001000300779017972697",
    "1001901781990001000300617767839438",
    "9400 1112 0620 6406 2607 87",
    "9261292700768711948021",
    "9361 2898 7870 0317 6337 95",
    "9400111206206406260788",
    "420 22153 9101026837331000039521",
    "0307 1790 0005 2348 3741",
    "RB123456785US",
    "3318810025",
    "3318810010",
    "73891051146",
    "JJD0099999999",
    "5108 7693037816",
    "GM2951173225174494",
    "00340434161094015902",
    "0081 827 0998 0000 0200 33 350 276 C",
    "0998 0000 0200 34D",
    "09980000020033D",
    "TBA502887274000",
    "tbc 0000 1234 5678",
    "TBB502887274000",
    "RB123456785GB",
    "rb 123 456 786 gb",
    "RB123456785UK",
    "RR123456785DE",
    "CP123456785IT",
    "EE123456785CA",
    "C11031500001879",
    "LX17635036",
    "1LS7119013618127-1",
    "3SABCD1234567",
    "8D00432154798",
    "0073938000549297",
};

// Adds every test number of the dataset's courier files in `dir`; false
// (with `error` set) when a file cannot be read or parsed.
bool AddDatasetNumbers(const fs::path& dir, Mix& mix, std::string& error) {
  int files = 0;
  int valid = 0;
  int invalid = 0;
  std::vector<fs::path> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    boost::system::error_code parse_error;
    const boost::json::value courier = boost::json::parse(text.str(), parse_error);
    const boost::json::object* object = parse_error ? nullptr : courier.if_object();
    const boost::json::value* list = object ? object->if_contains("tracking_numbers") : nullptr;
    const boost::json::array* formats = list ? list->if_array() : nullptr;
    if (formats == nullptr) {
      error = absl::StrCat(path.string(), ": not a tracking_number_data courier file");
      return false;
    }
    for (const boost::json::value& format : *formats) {
      const boost::json::object* fields = format.if_object();
      const boost::json::value* tests = fields ? fields->if_contains("test_numbers") : nullptr;
      if (tests == nullptr || !tests->is_object()) continue;
      for (const char* kind : {"valid", "invalid"}) {
        const boost::json::value* numbers = tests->as_object().if_contains(kind);
        if (numbers == nullptr || !numbers->is_array()) continue;
        for (const boost::json::value& number : numbers->as_array()) {
          if (!number.is_string()) continue;
          mix.raw.emplace_back(number.as_string());
          ++(kind[0] == 'v' ? valid : invalid);
        }
      }
    }
    ++files;
  }
  mix.source = absl::StrCat(valid, " valid and ", invalid,
                            " invalid tracking_number_data numbers (", files, " courier files)");
  return true;
}

void AddBuiltInNumbers(Mix& mix) {
  for (const char* number : kBuiltInNumbers) mix.raw.emplace_back(number);
  mix.source = absl::StrCat(std::size(kBuiltInNumbers), " built-in valid and invalid numbers");
}

// The sandbox's shipment numbers (its order IDs are not tracking numbers).
void AddSandboxNumbers(Mix& mix) {
  int added = 0;
  for (const sandbox::Scenario& scenario : sandbox::SandboxUpstream::Scenarios()) {
    if (scenario.carrier == "sp_api" || scenario.carrier == "amazon_mcf") continue;
    mix.raw.push_back(scenario.tracking_number);
    ++added;
  }
  absl::StrAppend(&mix.source, ", ", added, " sandbox numbers");
}

// The first difference between the lean and the full answer for `raw`, or "".
std::string Disagreement(const std::string& raw) {
  const v1::DetectCarrierResponse full = detection::DetectCarrier(raw);
  const std::string normalized = detection::NormalizeTrackingNumber(raw);
  const detection::Detection lean = detection::DetectNormalized(normalized);
  if (full.normalized_tracking_number() != normalized) return "normalized number";
  if (full.invalid_checksum() != lean.invalid_checksum) return "invalid_checksum";
  if (full.candidates_size() != static_cast<int>(lean.candidates.size())) return "candidate count";
  for (int i = 0; i < full.candidates_size(); ++i) {
    const detection::Candidate& candidate = lean.candidates[static_cast<size_t>(i)];
    if (full.candidates(i).carrier() != candidate.carrier) return "carrier";
    if (full.candidates(i).checksum() != candidate.checksum) return "check result";
    if (full.candidates(i).confidence() != candidate.confidence) return "confidence";
  }
  return "";
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Keeps `value` (and what it was computed from) from being optimized away.
template <typename T>
void KeepAlive(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

struct Rates {
  double per_cpu_second;
  double per_wall_second;
  int64_t candidates_per_pass;
};

// Runs `pass` (one pass over the mix, returning the candidates it found)
// until `seconds` of wall time have gone by, `runs` times; the run with the
// median CPU rate.
Rates Measure(const std::function<int64_t()>& pass, size_t numbers_per_pass, double seconds,
              int runs) {
  using Clock = std::chrono::steady_clock;
  const int64_t candidates = pass();  // warm-up, and the per-pass count
  std::vector<Rates> results;
  for (int run = 0; run < runs; ++run) {
    int64_t passes = 0;
    const auto wall0 = Clock::now();
    const double cpu0 = ThreadCpuSeconds();
    const auto until = wall0 + std::chrono::duration<double>(seconds);
    Clock::time_point now;
    do {
      const int64_t found = pass();
      KeepAlive(found);
      ++passes;
      now = Clock::now();
    } while (now < until);
    const double cpu = ThreadCpuSeconds() - cpu0;
    const double wall = std::chrono::duration<double>(now - wall0).count();
    const double numbers = static_cast<double>(passes) * static_cast<double>(numbers_per_pass);
    results.push_back({numbers / cpu, numbers / wall, candidates});
  }
  std::sort(results.begin(), results.end(),
            [](const Rates& a, const Rates& b) { return a.per_cpu_second < b.per_cpu_second; });
  return results[results.size() / 2];
}

int Main() {
  const double seconds = absl::GetFlag(FLAGS_seconds);
  const int runs = absl::GetFlag(FLAGS_runs);
  if (!(seconds > 0) || seconds > 600) {
    std::fprintf(stderr, "detection_bench: --seconds: above 0, at most 600\n");
    return 2;
  }
  if (runs < 1 || runs > 100) {
    std::fprintf(stderr, "detection_bench: --runs: 1..100\n");
    return 2;
  }
  fs::path dir = absl::GetFlag(FLAGS_fixtures);
  const bool dir_given = !dir.empty();
  if (!dir_given) {
    dir = fs::path(testing::SharedDir()) / "fixtures" / "tracking_number_data" / "couriers";
  }

  Mix mix;
  if (dir == "-") {
    AddBuiltInNumbers(mix);
  } else if (fs::is_directory(dir)) {
    std::string error;
    if (!AddDatasetNumbers(dir, mix, error)) {
      std::fprintf(stderr, "detection_bench: %s\n", error.c_str());
      return 2;
    }
  } else if (dir_given) {
    std::fprintf(stderr, "detection_bench: --fixtures: %s is not a folder\n", dir.c_str());
    return 2;
  } else {
    AddBuiltInNumbers(mix);
    absl::StrAppend(&mix.source, " (", dir.string(), " not found)");
  }
  AddSandboxNumbers(mix);

  int detected = 0;
  for (const std::string& raw : mix.raw) {
    const std::string difference = Disagreement(raw);
    if (!difference.empty()) {
      std::fprintf(stderr, "detection_bench: DetectNormalized and DetectCarrier differ on %s: %s\n",
                   raw.c_str(), difference.c_str());
      return 1;
    }
    if (!detection::DetectNormalized(detection::NormalizeTrackingNumber(raw)).candidates.empty()) {
      ++detected;
    }
  }
  std::vector<std::string> normalized;
  normalized.reserve(mix.raw.size());
  for (const std::string& raw : mix.raw) {
    normalized.push_back(detection::NormalizeTrackingNumber(raw));
  }

  struct Path {
    const char* name;
    std::function<int64_t()> pass;
  };
  const Path paths[] = {
      {"DetectNormalized (normalized numbers)",
       [&] {
         int64_t found = 0;
         for (const std::string& number : normalized) {
           const detection::Detection detection = detection::DetectNormalized(number);
           KeepAlive(detection);
           found += static_cast<int64_t>(detection.candidates.size());
         }
         return found;
       }},
      {"NormalizeTrackingNumber + DetectNormalized",
       [&] {
         int64_t found = 0;
         for (const std::string& raw : mix.raw) {
           const std::string number = detection::NormalizeTrackingNumber(raw);
           const detection::Detection detection = detection::DetectNormalized(number);
           KeepAlive(detection);
           found += static_cast<int64_t>(detection.candidates.size());
         }
         return found;
       }},
      {"DetectCarrier (raw numbers, full response)",
       [&] {
         int64_t found = 0;
         for (const std::string& raw : mix.raw) {
           const v1::DetectCarrierResponse response = detection::DetectCarrier(raw);
           KeepAlive(response);
           found += response.candidates_size();
         }
         return found;
       }},
  };

  std::printf("mix: %zu numbers: %s; %d with a candidate; %d runs of %.1f s per path, one thread\n",
              mix.raw.size(), mix.source.c_str(), detected, runs, seconds);
  std::printf("%-44s %16s %17s %14s %11s\n", "path", "numbers/CPU-s", "numbers/wall-s",
              "ns/number CPU", "candidates");
  for (const Path& path : paths) {
    const Rates rates = Measure(path.pass, mix.raw.size(), seconds, runs);
    std::printf("%-44s %16.0f %17.0f %14.1f %11lld\n", path.name, rates.per_cpu_second,
                rates.per_wall_second, 1e9 / rates.per_cpu_second,
                static_cast<long long>(rates.candidates_per_pass));
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace trackenrich::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("detection_bench [--seconds=1] [--runs=5] [--fixtures=DIR|-]");
  absl::ParseCommandLine(argc, argv);
  return trackenrich::bench::Main();
}
