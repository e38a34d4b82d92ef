// TrackingServiceImpl's watch methods (WatchShipment, WatchOrder, Unwatch,
// ListWatches, StreamEvents), handed to the WatchManager (services/watch).
#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "absl/synchronization/mutex.h"

#include "services/server/rpc_scope.h"
#include "services/server/tracking_service.h"
#include "services/watch/watch_manager.h"

namespace trackenrich::server {
namespace {

// Runs `start(tenant, done)` for an admitted caller and answers with its result.
template <typename Response, typename Start>
grpc::ServerUnaryReactor* RunWatchRpc(grpc::CallbackServerContext* context, const char* method,
                                      ServiceMetrics& metrics,
                                      const auth::ApiKeyAuthenticator* auth,
                                      watch::WatchManager* watches, Response* response,
                                      Start start) {
  auto scope = std::make_shared<RpcScope>(context, method, metrics, auth, response);
  if (!scope->Admit()) return scope->reactor();
  if (watches == nullptr) {
    scope->Finish(absl::UnimplementedError("watches are not configured"));
    return scope->reactor();
  }
  start(scope->tenant(), [scope, response](absl::StatusOr<Response> result) {
    if (result.ok()) *response = *std::move(result);
    scope->Finish(result.status());
  });
  return scope->reactor();
}

// StreamEvents: reads the tenant's stream from the last event ID on, writes
// each event once, in order, and looks for more every
// watch.stream_poll_interval until the caller goes away. The response
// headers go out as soon as the start position is fixed (for an empty
// last_event_id, once the newest event ID is known).
class EventStreamReactor final : public grpc::ServerWriteReactor<v1::StreamEventsResponse> {
 public:
  EventStreamReactor(watch::WatchManager& watches, ServiceMetrics& metrics, std::string tenant,
                     std::string last_event_id)
      : pump_(std::make_shared<Pump>()), metrics_(metrics), started_(absl::Now()) {
    pump_->reactor = this;
    pump_->watches = &watches;
    pump_->tenant = std::move(tenant);
    pump_->last_id = std::move(last_event_id);
    metrics_.RpcStarted();
    if (pump_->last_id.empty()) {
      watches.store().LastEventId(pump_->tenant, [pump = pump_](absl::StatusOr<std::string> id) {
        if (!id.ok()) return Pump::End(pump, id.status());
        {
          absl::MutexLock lock(&pump->mu);
          pump->last_id = *id;
        }
        Pump::Positioned(pump);
        Pump::Read(pump);
      });
    } else {
      Pump::Positioned(pump_);
      Pump::Read(pump_);
    }
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return Pump::End(pump_, absl::CancelledError("the caller went away"));
    Pump::WriteNext(pump_);
  }
  void OnCancel() override { pump_->cancelled = true; }
  void OnDone() override {
    metrics_.RecordRpc("StreamEvents", pump_->code, absl::Now() - started_);
    metrics_.RpcFinished();
    delete this;
  }

 private:
  struct Pump {
    absl::Mutex mu;
    EventStreamReactor* reactor ABSL_GUARDED_BY(mu) = nullptr;
    watch::WatchManager* watches = nullptr;
    std::string tenant;
    std::string last_id ABSL_GUARDED_BY(mu);
    std::deque<v1::StreamEventsResponse> queue ABSL_GUARDED_BY(mu);
    // The event being written; touched only between StartWrite and OnWriteDone.
    v1::StreamEventsResponse writing;
    std::atomic<bool> cancelled{false};
    std::string code = "OK";

    static void End(const std::shared_ptr<Pump>& pump, absl::Status status) {
      EventStreamReactor* reactor = nullptr;
      {
        absl::MutexLock lock(&pump->mu);
        std::swap(reactor, pump->reactor);
      }
      if (reactor == nullptr) return;
      pump->code = absl::StatusCodeToString(status.code());
      reactor->Finish(grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                                   std::string(status.message())));
    }

    // The start position is fixed: the response headers tell the caller that
    // every event from here on reaches it (a sync point for "from now on").
    static void Positioned(const std::shared_ptr<Pump>& pump) {
      absl::MutexLock lock(&pump->mu);
      if (pump->reactor != nullptr) pump->reactor->StartSendInitialMetadata();
    }

    static void Read(const std::shared_ptr<Pump>& pump) {
      if (pump->cancelled) return End(pump, absl::CancelledError("cancelled"));
      std::string after;
      {
        absl::MutexLock lock(&pump->mu);
        if (pump->reactor == nullptr) return;
        after = pump->last_id;
      }
      pump->watches->store().ReadEvents(
          pump->tenant, after, 100, [pump](absl::StatusOr<std::vector<watch::StoredEvent>> events) {
            if (!events.ok()) {
              // Redis down for a moment: look again later; the caller's
              // position is kept.
              return Later(pump);
            }
            if (events->empty()) return Later(pump);
            {
              absl::MutexLock lock(&pump->mu);
              for (auto& event : *events) {
                pump->queue.emplace_back();
                *pump->queue.back().mutable_event() = std::move(event.event);
              }
            }
            WriteNext(pump);
          });
    }

    static void Later(const std::shared_ptr<Pump>& pump) {
      pump->watches->later()(pump->watches->settings().stream_poll_interval,
                             [pump] { Read(pump); });
    }

    static void WriteNext(const std::shared_ptr<Pump>& pump) {
      if (pump->cancelled) return End(pump, absl::CancelledError("cancelled"));
      EventStreamReactor* reactor = nullptr;
      {
        absl::MutexLock lock(&pump->mu);
        if (pump->reactor == nullptr) return;
        if (!pump->queue.empty()) {
          pump->writing = std::move(pump->queue.front());
          pump->queue.pop_front();
          pump->last_id = pump->writing.event().event_id();
          reactor = pump->reactor;
        }
      }
      // One write at a time: the next step runs from OnWriteDone.
      if (reactor != nullptr) return reactor->StartWrite(&pump->writing);
      Read(pump);
    }
  };

  std::shared_ptr<Pump> pump_;
  ServiceMetrics& metrics_;
  const absl::Time started_;
};

}  // namespace

grpc::ServerUnaryReactor* TrackingServiceImpl::WatchShipment(
    grpc::CallbackServerContext* context, const v1::WatchShipmentRequest* request,
    v1::WatchShipmentResponse* response) {
  return RunWatchRpc(context, "WatchShipment", metrics_, settings_.auth, settings_.watches,
                     response, [this, request](const std::string& tenant, auto done) {
                       settings_.watches->WatchShipment(tenant, *request, std::move(done));
                     });
}

grpc::ServerUnaryReactor* TrackingServiceImpl::WatchOrder(grpc::CallbackServerContext* context,
                                                          const v1::WatchOrderRequest* request,
                                                          v1::WatchOrderResponse* response) {
  return RunWatchRpc(context, "WatchOrder", metrics_, settings_.auth, settings_.watches, response,
                     [this, request](const std::string& tenant, auto done) {
                       settings_.watches->WatchOrder(tenant, *request, std::move(done));
                     });
}

grpc::ServerUnaryReactor* TrackingServiceImpl::Unwatch(grpc::CallbackServerContext* context,
                                                       const v1::UnwatchRequest* request,
                                                       v1::UnwatchResponse* response) {
  return RunWatchRpc(context, "Unwatch", metrics_, settings_.auth, settings_.watches, response,
                     [this, request](const std::string& tenant, auto done) {
                       settings_.watches->Unwatch(tenant, request->watch_id(), std::move(done));
                     });
}

grpc::ServerUnaryReactor* TrackingServiceImpl::ListWatches(grpc::CallbackServerContext* context,
                                                           const v1::ListWatchesRequest* request,
                                                           v1::ListWatchesResponse* response) {
  return RunWatchRpc(context, "ListWatches", metrics_, settings_.auth, settings_.watches, response,
                     [this, request](const std::string& tenant, auto done) {
                       settings_.watches->List(tenant, *request, std::move(done));
                     });
}

grpc::ServerWriteReactor<v1::StreamEventsResponse>* TrackingServiceImpl::StreamEvents(
    grpc::CallbackServerContext* context, const v1::StreamEventsRequest* request) {
  auto refuse = [&](absl::Status status) {
    class Refused final : public grpc::ServerWriteReactor<v1::StreamEventsResponse> {
     public:
      explicit Refused(const absl::Status& status) {
        Finish(grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                            std::string(status.message())));
      }
      void OnDone() override { delete this; }
    };
    metrics_.RecordRpc("StreamEvents", absl::StatusCodeToString(status.code()),
                       absl::ZeroDuration());
    return new Refused(status);
  };
  absl::StatusOr<std::string> tenant = AdmitCaller(context, settings_.auth, metrics_, nullptr);
  if (!tenant.ok()) return refuse(tenant.status());
  if (settings_.watches == nullptr) return refuse(absl::UnimplementedError("watches are off"));
  const std::string& last = request->last_event_id();
  if (!last.empty() && last != "0") {
    const size_t dash = last.find('-');
    const bool digits = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '-';
    });
    if (!digits || dash == std::string::npos || dash == 0 || dash + 1 == last.size() ||
        last.find('-', dash + 1) != std::string::npos || last.size() > 41) {
      return refuse(absl::InvalidArgumentError(
          "last_event_id: an event ID such as \"1733300000000-0\", \"0\" or empty"));
    }
  }
  return new EventStreamReactor(*settings_.watches, metrics_, *std::move(tenant),
                                last == "0" ? "0-0" : last);
}

}  // namespace trackenrich::server
