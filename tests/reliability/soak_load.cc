// A steady gRPC load for the soak (tests/reliability/soak.sh): calls the
// service at a fixed rate for a fixed time with a mix of every tracking RPC,
// checks every reply, and prints what came back. Exits 1 if any call failed.
//
//   soak_load --target=127.0.0.1:50051 --rps=1000 --seconds=600
//
// The mix, per 20 calls: 13 TrackShipment cache hits on the sandbox's
// scenario numbers (every carrier), 2 forced refreshes of them (upstream
// calls), 1 FedEx number from a rotating pool of 5,000 (misses until the pool
// is cached, then hits), 1 DetectCarrier, 2 EnrichTicket from ticket text and
// 1 BatchTrackShipments of 5. The key set is bounded, so memory should level
// off once the cache holds it.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/sandbox_carriers.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "the service's gRPC address");
ABSL_FLAG(int, rps, 1000, "calls started per second");
ABSL_FLAG(int, seconds, 60, "how long to keep calling");
ABSL_FLAG(int, max_in_flight, 2000, "calls outstanding at most; more are counted as not sent");
ABSL_FLAG(int, deadline_ms, 5000, "deadline of each call");

namespace trackenrich {
namespace {

using Clock = std::chrono::steady_clock;

// Scenario numbers that answer OK (no slow, failing or not-found ones).
std::vector<std::pair<std::string, v1::Carrier>> HealthyNumbers() {
  std::vector<std::pair<std::string, v1::Carrier>> numbers;
  for (const sandbox::Scenario& scenario : sandbox::SandboxUpstream::Scenarios()) {
    if (!testing::AnswersOkAtOnce(scenario.name)) continue;
    for (const testing::SandboxCarrier& carrier : testing::kSandboxCarriers) {
      if (scenario.carrier == carrier.name) {
        numbers.emplace_back(scenario.tracking_number, carrier.carrier);
      }
    }
  }
  return numbers;
}

// The FedEx sandbox answers any 12-digit number starting 7799.
std::string PoolNumber(int64_t i) { return absl::StrFormat("7799%08d", i % 5000); }

class Load {
 public:
  Load(std::shared_ptr<grpc::Channel> channel, int max_in_flight,
       std::chrono::milliseconds deadline)
      : stub_(v1::TrackingService::NewStub(std::move(channel))),
        numbers_(HealthyNumbers()),
        max_in_flight_(max_in_flight),
        deadline_(deadline) {}

  // Starts call `i` of the mix; false if too many are outstanding.
  bool Start(int64_t i) {
    if (in_flight_.load() >= max_in_flight_) return false;
    in_flight_.fetch_add(1);
    const auto& [number, carrier] = numbers_[i % numbers_.size()];
    switch (i % 20) {
      case 14:
      case 15:
        return Unary<v1::TrackShipmentRequest, v1::TrackShipmentResponse>(
            "TrackShipment", [&](v1::TrackShipmentRequest* r) {
              r->mutable_shipment()->set_tracking_number(number);
              r->mutable_shipment()->set_carrier(carrier);
              r->mutable_cache()->set_force_refresh(true);
            });
      case 16:
        return Unary<v1::TrackShipmentRequest, v1::TrackShipmentResponse>(
            "TrackShipment", [&](v1::TrackShipmentRequest* r) {
              r->mutable_shipment()->set_tracking_number(PoolNumber(i / 20));
              r->mutable_shipment()->set_carrier(v1::CARRIER_FEDEX);
            });
      case 17:
        return Unary<v1::DetectCarrierRequest, v1::DetectCarrierResponse>(
            "DetectCarrier", [&](v1::DetectCarrierRequest* r) { r->set_tracking_number(number); });
      case 18:
      case 19:
        return Unary<v1::EnrichTicketRequest, v1::EnrichTicketResponse>(
            "EnrichTicket", [&](v1::EnrichTicketRequest* r) {
              r->set_language(i % 2 == 0 ? "de" : "en");
              r->mutable_text()->set_subject("Where is my parcel?");
              r->mutable_text()->set_body(absl::StrCat("Hello, my order with tracking ", number,
                                                       " has not arrived yet. Thanks"));
            });
      case 13:
        return Unary<v1::BatchTrackShipmentsRequest, v1::BatchTrackShipmentsResponse>(
            "BatchTrackShipments", [&](v1::BatchTrackShipmentsRequest* r) {
              for (int k = 0; k < 5; ++k) {
                const auto& item = numbers_[(i + k * 7) % numbers_.size()];
                r->add_requests()->mutable_shipment()->set_tracking_number(item.first);
              }
            });
      default:
        return Unary<v1::TrackShipmentRequest, v1::TrackShipmentResponse>(
            "TrackShipment", [&](v1::TrackShipmentRequest* r) {
              r->mutable_shipment()->set_tracking_number(number);
              r->mutable_shipment()->set_carrier(carrier);
            });
    }
  }

  void WaitForAll() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return in_flight_.load() == 0; });
  }

  // Prints the tallies; returns the number of failed calls.
  int64_t Report(double seconds, int64_t not_sent) {
    std::lock_guard<std::mutex> lock(mu_);
    int64_t total = 0;
    int64_t failed = 0;
    for (const auto& [key, count] : outcomes_) {
      total += count;
      if (key.second != "OK") failed += count;
    }
    std::sort(latencies_us_.begin(), latencies_us_.end());
    auto percentile = [&](double p) {
      if (latencies_us_.empty()) return 0.0;
      const size_t at =
          std::min(latencies_us_.size() - 1,
                   static_cast<size_t>(p * static_cast<double>(latencies_us_.size())));
      return static_cast<double>(latencies_us_[at]) / 1000.0;
    };
    std::printf(
        "soak_load: %lld calls in %.1f s (%.0f/s), %lld failed, %lld not sent (over %d in "
        "flight)\n",
        static_cast<long long>(total), seconds, static_cast<double>(total) / seconds,
        static_cast<long long>(failed), static_cast<long long>(not_sent), max_in_flight_);
    std::printf("soak_load: latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
                percentile(0.5), percentile(0.99), percentile(0.999), percentile(1.0));
    for (const auto& [key, count] : outcomes_) {
      std::printf("soak_load:   %-22s %-20s %lld\n", key.first.c_str(), key.second.c_str(),
                  static_cast<long long>(count));
    }
    if (!first_error_.empty()) std::printf("soak_load: first error: %s\n", first_error_.c_str());
    return failed + not_sent;
  }

 private:
  using Stub = v1::TrackingService::Stub;

  template <typename Request, typename Response, typename Fill>
  bool Unary(const char* method, Fill fill) {
    struct Call {
      grpc::ClientContext context;
      Request request;
      Response response;
      Clock::time_point started;
    };
    auto call = std::make_shared<Call>();
    fill(&call->request);
    call->context.set_deadline(std::chrono::system_clock::now() + deadline_);
    call->started = Clock::now();
    auto done = [this, call, method](grpc::Status status) {
      const auto took =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - call->started);
      {
        std::lock_guard<std::mutex> lock(mu_);
        const std::string code =
            status.ok() ? "OK" : absl::StrCat("code ", static_cast<int>(status.error_code()));
        ++outcomes_[{method, code}];
        latencies_us_.push_back(took.count());
        if (!status.ok() && first_error_.empty()) {
          first_error_ = absl::StrCat(method, ": ", status.error_message());
        }
      }
      if (in_flight_.fetch_sub(1) == 1) {
        std::lock_guard<std::mutex> lock(mu_);
        idle_.notify_all();
      }
    };
    Dispatch(call->context, call->request, call->response, std::move(done));
    return true;
  }

  template <typename Done>
  void Dispatch(grpc::ClientContext& context, const v1::TrackShipmentRequest& request,
                v1::TrackShipmentResponse& response, Done done) {
    stub_->async()->TrackShipment(&context, &request, &response, std::move(done));
  }
  template <typename Done>
  void Dispatch(grpc::ClientContext& context, const v1::BatchTrackShipmentsRequest& request,
                v1::BatchTrackShipmentsResponse& response, Done done) {
    stub_->async()->BatchTrackShipments(&context, &request, &response, std::move(done));
  }
  template <typename Done>
  void Dispatch(grpc::ClientContext& context, const v1::DetectCarrierRequest& request,
                v1::DetectCarrierResponse& response, Done done) {
    stub_->async()->DetectCarrier(&context, &request, &response, std::move(done));
  }
  template <typename Done>
  void Dispatch(grpc::ClientContext& context, const v1::EnrichTicketRequest& request,
                v1::EnrichTicketResponse& response, Done done) {
    stub_->async()->EnrichTicket(&context, &request, &response, std::move(done));
  }

  std::unique_ptr<Stub> stub_;
  const std::vector<std::pair<std::string, v1::Carrier>> numbers_;
  const int max_in_flight_;
  const std::chrono::milliseconds deadline_;
  std::atomic<int> in_flight_{0};
  std::mutex mu_;
  std::condition_variable idle_;
  std::map<std::pair<std::string, std::string>, int64_t> outcomes_;
  std::vector<int64_t> latencies_us_;
  std::string first_error_;
};

int Run() {
  const int rps = std::max(1, absl::GetFlag(FLAGS_rps));
  const int seconds = std::max(1, absl::GetFlag(FLAGS_seconds));
  auto channel =
      grpc::CreateChannel(absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
    std::fprintf(stderr, "soak_load: cannot connect to %s\n", absl::GetFlag(FLAGS_target).c_str());
    return 2;
  }
  Load load(channel, absl::GetFlag(FLAGS_max_in_flight),
            std::chrono::milliseconds(absl::GetFlag(FLAGS_deadline_ms)));
  const auto start = Clock::now();
  const int64_t total = static_cast<int64_t>(rps) * seconds;
  int64_t not_sent = 0;
  for (int64_t i = 0; i < total; ++i) {
    // Call i is due at start + i / rps: an even pace, catching up after a stall.
    std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1'000'000 / rps));
    if (!load.Start(i)) ++not_sent;
  }
  load.WaitForAll();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  return load.Report(elapsed, not_sent) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace trackenrich

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return trackenrich::Run();
}
