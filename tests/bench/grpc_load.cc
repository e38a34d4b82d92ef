// grpc_load: the project's gRPC load generator (a benchmark tool, not a test).
// Keeps a fixed number of unary calls in flight against a TrackingService
// server (trackenrich or tests/bench/echo_server) over the completion-queue
// API, or paces them at a target rate, checks the status of every reply and
// prints one JSON line: requests/s, exact p50/p99/p99.9 latency from every
// recorded sample, counts by status code and by cache layer, and its own CPU.
//
//   grpc_load --target=127.0.0.1:50051 --requests=200000 --in_flight=64
//             --keys=generated:1000@0
//   grpc_load --target=127.0.0.1:50051 --keys=same:1ZSBX0010300000029 --rate=5000
//
// Keys (the tracking number of call i is key i mod count):
//   same:NUMBER           every call asks for NUMBER
//   list:PATH             one number per line
//   generated:COUNT[@N]   COUNT valid sandbox numbers of UPS shipper SBX002
//                         (answered "in transit" by the sandbox), package IDs
//                         N, N+1, ... (use a fresh N for numbers never asked)
//
// A reply counts as an error unless its status is OK and (for TrackShipment
// and DetectCarrier) it names the number asked for. With --rate, call i is due
// at start + i/rate and its latency counts from then (less the first 1 ms of
// lateness, the generator's own timer slack), so a server that falls behind
// is not hidden by the generator waiting for it (no coordinated omission);
// "late_starts" counts calls started over 1 ms after their time. Exit status:
// 0 when every reply was OK, 1 otherwise, 2 for bad flags or an unreachable
// target.
//
// --write_frame=PATH makes no calls: it writes the request of the first key
// as one uncompressed gRPC message (a zero flag byte, the length as 4 bytes
// big-endian, the serialized request) for other HTTP/2 clients to send:
//
//   grpc_load --keys=generated:1000@0 --write_frame=track.frame
//   h2load -n 100000 -c 4 -m 16 -d track.frame
//     -H 'content-type: application/grpc' -H 'te: trailers'
//     http://127.0.0.1:50051/trackenrich.v1.TrackingService/TrackShipment
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

#include "adapters/detection/check_digits.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

ABSL_FLAG(std::string, target, "", "server address HOST:PORT");
ABSL_FLAG(std::string, rpc, "TrackShipment", "TrackShipment or DetectCarrier");
ABSL_FLAG(int64_t, requests, 10000, "calls to make in all");
ABSL_FLAG(int, in_flight, 64, "calls outstanding at once (at most, with --rate)");
ABSL_FLAG(int, streams_per_channel, 100,
          "calls in flight per channel (HTTP/2 connection); channels = in_flight / this, rounded "
          "up");
ABSL_FLAG(int, channels, 0,
          "channels (HTTP/2 connections) to spread the calls over; 0: in_flight / "
          "streams_per_channel, rounded up");
ABSL_FLAG(int, threads, 1, "completion-queue threads");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(10), "deadline of each call");
ABSL_FLAG(std::string, keys, "same:1ZSBX0010300000029",
          "same:NUMBER, list:PATH or generated:COUNT[@FIRST_PACKAGE_ID]");
ABSL_FLAG(double, rate, 0, "target calls per second (0: as fast as in_flight allows)");
ABSL_FLAG(std::string, label, "", "name of this run, echoed in the JSON line");
ABSL_FLAG(std::string, write_frame, "",
          "write the request of the first key as one gRPC message frame (the 5-byte prefix and "
          "the serialized request, what h2load or nghttp send as a body) to this file and exit; "
          "no --target needed");

namespace trackenrich::bench {
namespace {

using Clock = std::chrono::steady_clock;

int64_t NanosSince(Clock::time_point start, Clock::time_point now) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now - start).count();
}

// The UPS 1Z number of sandbox shipper SBX002, service 03, with this package ID.
std::string SandboxBulkNumber(int64_t package_id) {
  const std::string payload = absl::StrFormat("SBX00203%07d", package_id % 10'000'000);
  return absl::StrCat("1Z", payload, detection::Mod10CheckDigit(payload, detection::kUpsWeights));
}

absl::StatusOr<std::vector<std::string>> LoadKeys(absl::string_view spec) {
  std::vector<std::string> keys;
  if (absl::ConsumePrefix(&spec, "same:")) {
    if (spec.empty()) return absl::InvalidArgumentError("--keys: same: needs a number");
    keys.emplace_back(spec);
  } else if (absl::ConsumePrefix(&spec, "list:")) {
    std::ifstream file{std::string(spec)};
    if (!file) return absl::InvalidArgumentError(absl::StrCat("--keys: cannot read ", spec));
    std::string line;
    while (std::getline(file, line)) {
      const absl::string_view number = absl::StripAsciiWhitespace(line);
      if (!number.empty()) keys.emplace_back(number);
    }
    if (keys.empty())
      return absl::InvalidArgumentError(absl::StrCat("--keys: ", spec, " is empty"));
  } else if (absl::ConsumePrefix(&spec, "generated:")) {
    std::vector<absl::string_view> parts = absl::StrSplit(spec, '@');
    int64_t count = 0;
    int64_t first = 0;
    if (parts.size() > 2 || !absl::SimpleAtoi(parts[0], &count) || count < 1 ||
        count > 10'000'000 ||
        (parts.size() == 2 &&
         (!absl::SimpleAtoi(parts[1], &first) || first < 0 || first >= 10'000'000))) {
      return absl::InvalidArgumentError(
          "--keys: generated:COUNT[@FIRST] with COUNT 1..10000000 and FIRST 0..9999999");
    }
    keys.reserve(count);
    for (int64_t i = 0; i < count; ++i) keys.push_back(SandboxBulkNumber(first + i));
  } else {
    return absl::InvalidArgumentError(
        "--keys: expected same:NUMBER, list:PATH or generated:COUNT[@FIRST]");
  }
  return keys;
}

enum class Rpc { kTrackShipment, kDetectCarrier };

// The request `rpc` sends for `key` as one uncompressed gRPC message frame.
std::string MessageFrame(Rpc rpc, const std::string& key) {
  std::string message;
  switch (rpc) {
    case Rpc::kTrackShipment: {
      v1::TrackShipmentRequest request;
      request.mutable_shipment()->set_tracking_number(key);
      message = request.SerializeAsString();
      break;
    }
    case Rpc::kDetectCarrier: {
      v1::DetectCarrierRequest request;
      request.set_tracking_number(key);
      message = request.SerializeAsString();
      break;
    }
  }
  const auto length = static_cast<uint32_t>(message.size());
  std::string frame = {'\0', static_cast<char>(length >> 24), static_cast<char>(length >> 16),
                       static_cast<char>(length >> 8), static_cast<char>(length)};
  return frame + message;
}

// One call in flight. Its tag on the completion queue is the Call itself.
struct Call {
  grpc::ClientContext context;
  v1::TrackShipmentRequest track_request;
  v1::TrackShipmentResponse track_response;
  v1::DetectCarrierRequest detect_request;
  v1::DetectCarrierResponse detect_response;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::TrackShipmentResponse>> track_reader;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::DetectCarrierResponse>> detect_reader;
  grpc::Status status;
  const std::string* key = nullptr;
  // When the call was due (paced) or started, in ns since the run began.
  int64_t due_ns = 0;
};

// What one completion-queue thread saw.
struct Tally {
  std::vector<int64_t> latencies_ns;
  std::map<grpc::StatusCode, int64_t> codes;
  std::map<v1::CacheLayer, int64_t> layers;
  int64_t wrong_answers = 0;
  std::string first_error;
};

class LoadRun {
 public:
  LoadRun(Rpc rpc, std::vector<std::unique_ptr<v1::TrackingService::Stub>> stubs,
          std::vector<std::string> keys, int64_t total, int in_flight, int threads,
          absl::Duration deadline, double rate)
      : rpc_(rpc),
        stubs_(std::move(stubs)),
        keys_(std::move(keys)),
        total_(total),
        in_flight_(in_flight),
        deadline_(absl::ToChronoNanoseconds(deadline)),
        rate_(rate),
        workers_(threads) {
    for (auto& worker : workers_) {
      worker.tally.latencies_ns.reserve(static_cast<size_t>(total / threads + 1));
    }
  }

  // Runs every call; returns the wall time from the first call to the last reply.
  absl::Duration Run() {
    start_ = Clock::now();
    std::vector<std::thread> threads;
    for (size_t w = 0; w < workers_.size(); ++w) {
      threads.emplace_back([this, w] { Drain(w); });
    }
    if (rate_ <= 0) {
      // Closed loop: fill the window; each reply starts the next call.
      for (int i = 0; i < in_flight_; ++i) {
        if (!StartNext(static_cast<size_t>(i) % workers_.size())) break;
      }
    }
    issuing_done_ = true;
    for (auto& thread : threads) thread.join();
    Clock::time_point last_reply = start_;
    for (auto& worker : workers_) {
      worker.cq.Shutdown();
      void* tag = nullptr;
      bool ok = false;
      while (worker.cq.Next(&tag, &ok)) {
      }
      last_reply = std::max(last_reply, worker.last_reply);
    }
    return absl::Nanoseconds(NanosSince(start_, last_reply));
  }

  Tally Merged() const {
    Tally all;
    for (const auto& worker : workers_) {
      const Tally& t = worker.tally;
      all.latencies_ns.insert(all.latencies_ns.end(), t.latencies_ns.begin(), t.latencies_ns.end());
      for (const auto& [code, n] : t.codes) all.codes[code] += n;
      for (const auto& [layer, n] : t.layers) all.layers[layer] += n;
      all.wrong_answers += t.wrong_answers;
      if (all.first_error.empty()) all.first_error = t.first_error;
    }
    return all;
  }

  int64_t late_starts() const { return late_starts_.load(); }

 private:
  struct Worker {
    grpc::CompletionQueue cq;
    std::atomic<int64_t> outstanding{0};
    // Only its own thread writes these.
    Tally tally;
    Clock::time_point last_reply;
  };

  // Closed loop: starts the next call on worker `w`; false when all have started.
  bool StartNext(size_t w) {
    const int64_t index = next_.fetch_add(1);
    if (index >= total_) return false;
    StartCall(w, index, Clock::now());
    return true;
  }

  // Starts call `index` on worker `w`'s queue; `due` is when its latency starts.
  void StartCall(size_t w, int64_t index, Clock::time_point due) {
    Worker& worker = workers_[w];
    auto* call = new Call;
    call->key = &keys_[static_cast<size_t>(index) % keys_.size()];
    call->due_ns = NanosSince(start_, due);
    call->context.set_deadline(std::chrono::system_clock::now() + deadline_);
    v1::TrackingService::Stub& stub = *stubs_[static_cast<size_t>(index) % stubs_.size()];
    worker.outstanding.fetch_add(1);
    switch (rpc_) {
      case Rpc::kTrackShipment:
        call->track_request.mutable_shipment()->set_tracking_number(*call->key);
        call->track_reader =
            stub.AsyncTrackShipment(&call->context, call->track_request, &worker.cq);
        call->track_reader->Finish(&call->track_response, &call->status, call);
        break;
      case Rpc::kDetectCarrier:
        call->detect_request.set_tracking_number(*call->key);
        call->detect_reader =
            stub.AsyncDetectCarrier(&call->context, call->detect_request, &worker.cq);
        call->detect_reader->Finish(&call->detect_response, &call->status, call);
        break;
    }
  }

  void Record(Tally& tally, const Call& call, Clock::time_point now) {
    tally.latencies_ns.push_back(NanosSince(start_, now) - call.due_ns);
    ++tally.codes[call.status.error_code()];
    if (!call.status.ok()) {
      if (tally.first_error.empty()) {
        tally.first_error =
            absl::StrCat("code ", call.status.error_code(), ": ", call.status.error_message());
      }
      return;
    }
    switch (rpc_) {
      case Rpc::kTrackShipment: {
        const v1::Shipment& shipment = call.track_response.shipment();
        ++tally.layers[shipment.provenance().cache_layer()];
        if (shipment.tracking_number() != *call.key) ++tally.wrong_answers;
        break;
      }
      case Rpc::kDetectCarrier:
        if (call.detect_response.candidates_size() == 0) ++tally.wrong_answers;
        break;
    }
    if (tally.wrong_answers == 1 && tally.first_error.empty()) {
      tally.first_error = absl::StrCat("OK reply that does not answer ", *call.key);
    }
  }

  // Takes one completion off worker `w`'s queue, waiting until `wake` at most.
  // False once the queue is shut down.
  bool Complete(size_t w, Clock::time_point wake) {
    Worker& worker = workers_[w];
    void* tag = nullptr;
    bool ok = false;
    const auto deadline = std::chrono::system_clock::now() + (wake - Clock::now());
    const auto event = worker.cq.AsyncNext(&tag, &ok, deadline);
    if (event == grpc::CompletionQueue::SHUTDOWN) return false;
    if (event == grpc::CompletionQueue::GOT_EVENT) {
      std::unique_ptr<Call> call(static_cast<Call*>(tag));
      const auto now = Clock::now();
      Record(worker.tally, *call, now);
      worker.last_reply = now;
      call.reset();
      worker.outstanding.fetch_sub(1);
      if (rate_ <= 0) StartNext(w);
    }
    return true;
  }

  void Drain(size_t w) {
    Worker& worker = workers_[w];
    if (rate_ > 0) {
      Pace(w);
      return;
    }
    while (Complete(w, Clock::now() + std::chrono::milliseconds(20))) {
      if (issuing_done_.load() && worker.outstanding.load() == 0 && next_.load() >= total_) break;
    }
  }

  // Open loop: call i is due at start + i / rate, and worker w starts the
  // calls i = w (mod threads) itself, between completions, so pacing costs
  // no thread of its own. The queue wakes at the next call's time, give or
  // take gRPC's millisecond polling.
  static constexpr std::chrono::milliseconds kTimerSlack{1};
  void Pace(size_t w) {
    Worker& worker = workers_[w];
    const int64_t stride = static_cast<int64_t>(workers_.size());
    const int64_t cap = std::max<int64_t>(1, in_flight_ / stride);
    const double interval_ns = 1e9 / rate_;
    auto due_of = [&](int64_t i) {
      return start_ +
             std::chrono::nanoseconds(static_cast<int64_t>(static_cast<double>(i) * interval_ns));
    };
    int64_t next = static_cast<int64_t>(w);
    while (true) {
      const auto now = Clock::now();
      while (next < total_ && worker.outstanding.load() < cap && due_of(next) <= now) {
        // The queue's wake-up slack (under 1 ms) is the generator's, not the
        // server's; anything later counts from when the call was due.
        const auto due = std::max(due_of(next), now - kTimerSlack);
        if (due > due_of(next)) late_starts_.fetch_add(1);
        StartCall(w, next, due);
        next += stride;
      }
      if (next >= total_ && worker.outstanding.load() == 0) return;
      auto wake = now + std::chrono::milliseconds(20);
      if (next < total_ && worker.outstanding.load() < cap) wake = std::min(wake, due_of(next));
      if (!Complete(w, wake)) return;
    }
  }

  const Rpc rpc_;
  const std::vector<std::unique_ptr<v1::TrackingService::Stub>> stubs_;
  const std::vector<std::string> keys_;
  const int64_t total_;
  const int in_flight_;
  const std::chrono::nanoseconds deadline_;
  const double rate_;
  std::vector<Worker> workers_;
  Clock::time_point start_;
  std::atomic<int64_t> next_{0};
  std::atomic<int64_t> late_starts_{0};
  std::atomic<bool> issuing_done_{false};
};

// Nearest rank: the smallest sample with at least `fraction` of all at or below it.
double PercentileMs(const std::vector<int64_t>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const size_t rank = static_cast<size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
  return static_cast<double>(sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]) / 1e6;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      absl::StrAppendFormat(&out, "\\u%04x", c);
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

std::string CodeName(grpc::StatusCode code) {
  static const char* const kNames[] = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
  const int index = static_cast<int>(code);
  return index >= 0 && index < 17 ? kNames[index] : absl::StrCat("CODE_", index);
}

int Main() {
  const std::string target = absl::GetFlag(FLAGS_target);
  const std::string rpc_name = absl::GetFlag(FLAGS_rpc);
  const int64_t total = absl::GetFlag(FLAGS_requests);
  const int in_flight = absl::GetFlag(FLAGS_in_flight);
  const int per_channel = absl::GetFlag(FLAGS_streams_per_channel);
  const int threads = absl::GetFlag(FLAGS_threads);
  const double rate = absl::GetFlag(FLAGS_rate);
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "grpc_load: %s\n", message.c_str());
    return 2;
  };
  const std::string frame_path = absl::GetFlag(FLAGS_write_frame);
  if (target.empty() && frame_path.empty()) return fail("--target: required (HOST:PORT)");
  Rpc rpc;
  if (rpc_name == "TrackShipment") {
    rpc = Rpc::kTrackShipment;
  } else if (rpc_name == "DetectCarrier") {
    rpc = Rpc::kDetectCarrier;
  } else {
    return fail("--rpc: TrackShipment or DetectCarrier");
  }
  if (total < 1) return fail("--requests: at least 1");
  if (in_flight < 1) return fail("--in_flight: at least 1");
  if (per_channel < 1) return fail("--streams_per_channel: at least 1");
  if (threads < 1 || threads > 64) return fail("--threads: 1..64");
  if (absl::GetFlag(FLAGS_channels) < 0) return fail("--channels: not negative");
  if (rate < 0) return fail("--rate: not negative");
  if (absl::GetFlag(FLAGS_deadline) <= absl::ZeroDuration()) return fail("--deadline: above 0");
  auto keys = LoadKeys(absl::GetFlag(FLAGS_keys));
  if (!keys.ok()) return fail(std::string(keys.status().message()));
  if (!frame_path.empty()) {
    const std::string frame = MessageFrame(rpc, keys->front());
    std::ofstream file(frame_path, std::ios::binary | std::ios::trunc);
    file.write(frame.data(), static_cast<std::streamsize>(frame.size()));
    file.close();
    if (!file) return fail(absl::StrCat("--write_frame: cannot write ", frame_path));
    return 0;
  }

  // Separate connections: each channel gets its own subchannel pool.
  const int channels = absl::GetFlag(FLAGS_channels) > 0
                           ? absl::GetFlag(FLAGS_channels)
                           : (in_flight + per_channel - 1) / per_channel;
  std::vector<std::unique_ptr<v1::TrackingService::Stub>> stubs;
  const auto connect_by = std::chrono::system_clock::now() + std::chrono::seconds(10);
  for (int i = 0; i < channels; ++i) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("trackenrich.grpc_load.channel", i);
    auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(connect_by)) {
      return fail(absl::StrCat("cannot connect to ", target));
    }
    stubs.push_back(v1::TrackingService::NewStub(channel));
  }

  const int64_t key_count = static_cast<int64_t>(keys->size());
  const double cpu_before = CpuSeconds();
  LoadRun run(rpc, std::move(stubs), *std::move(keys), total, in_flight, threads,
              absl::GetFlag(FLAGS_deadline), rate);
  const absl::Duration elapsed = run.Run();
  const double cpu = CpuSeconds() - cpu_before;
  Tally tally = run.Merged();
  std::sort(tally.latencies_ns.begin(), tally.latencies_ns.end());

  int64_t ok = 0;
  std::string codes;
  for (const auto& [code, n] : tally.codes) {
    if (code == grpc::StatusCode::OK) ok = n;
    absl::StrAppend(&codes, codes.empty() ? "" : ",", "\"", CodeName(code), "\":", n);
  }
  std::string layers;
  for (const auto& [layer, n] : tally.layers) {
    const std::string full_name = v1::CacheLayer_Name(layer);
    absl::string_view name = full_name;
    absl::ConsumePrefix(&name, "CACHE_LAYER_");
    absl::StrAppend(&layers, layers.empty() ? "" : ",", "\"", name, "\":", n);
  }
  const int64_t completed = static_cast<int64_t>(tally.latencies_ns.size());
  const int64_t errors = completed - ok + tally.wrong_answers + (total - completed);
  const double seconds = absl::ToDoubleSeconds(elapsed);
  const std::string line = absl::StrFormat(
      "{\"label\":%s,\"target\":%s,\"rpc\":%s,\"requests\":%d,\"completed\":%d,\"ok\":%d,"
      "\"errors\":%d,\"wrong_answers\":%d,\"codes\":{%s},\"layers\":{%s},\"in_flight\":%d,"
      "\"channels\":%d,\"threads\":%d,\"keys\":%d,\"target_rate\":%.1f,\"late_starts\":%d,"
      "\"elapsed_s\":%.3f,\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,"
      "\"p999_ms\":%.3f,\"max_ms\":%.3f,\"client_cpu_s\":%.3f,\"first_error\":%s}",
      JsonString(absl::GetFlag(FLAGS_label)), JsonString(target), JsonString(rpc_name), total,
      completed, ok, errors, tally.wrong_answers, codes, layers, in_flight, channels, threads,
      key_count, rate, run.late_starts(), seconds,
      seconds > 0 ? static_cast<double>(completed) / seconds : 0.0,
      PercentileMs(tally.latencies_ns, 0.50), PercentileMs(tally.latencies_ns, 0.90),
      PercentileMs(tally.latencies_ns, 0.99), PercentileMs(tally.latencies_ns, 0.999),
      tally.latencies_ns.empty() ? 0.0 : tally.latencies_ns.back() / 1e6, cpu,
      JsonString(tally.first_error));
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
  return errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace trackenrich::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "grpc_load --target=HOST:PORT [--rpc=TrackShipment] [--requests=N] [--in_flight=N] "
      "[--keys=same:NUMBER|list:PATH|generated:COUNT[@FIRST]] [--rate=R] [--deadline=10s]\n"
      "grpc_load [--rpc=TrackShipment] [--keys=...] --write_frame=PATH");
  absl::ParseCommandLine(argc, argv);
  // As in services/main.cc: no lock-order graph on every absl::Mutex (gRPC's included).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  return trackenrich::bench::Main();
}
