#include "services/push/carrier_push.h"

#include <memory>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "spdlog/spdlog.h"

#include "openssl/sha.h"
#include "services/integrations/common/signature.h"
#include "services/lookup/shipment_lookup.h"
#include "services/validation/request_validation.h"
#include "services/watch/watch_store.h"

namespace trackenrich::push {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

Reply JsonAnswer(int status, const json::object& body) {
  Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = json::serialize(body);
  return reply;
}

Reply Error(int status, const char* code, const std::string& message) {
  return JsonAnswer(status, json::object{{"code", code}, {"message", message}});
}

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

}  // namespace

CarrierPush::CarrierPush(PushDeps deps, PushSettings settings)
    : deps_(deps), settings_(std::move(settings)) {}

void CarrierPush::Handle(const http::HttpRequest& request,
                         server::HttpServer::ReplyCallback reply) {
  const size_t query = request.target.find('?');
  const absl::string_view path = absl::string_view(request.target).substr(0, query);
  if (path != "/push/ups") {
    return reply(Error(404, "NOT_FOUND", "no push route here"));
  }
  if (!settings_.ups.configured) {
    return reply(Error(404, "NOT_FOUND", "UPS pushes are not configured (push.ups)"));
  }
  if (request.method != "POST") {
    Reply refused = Error(405, "INVALID_ARGUMENT", "POST only");
    refused.response.headers.emplace_back("Allow", "POST");
    return reply(std::move(refused));
  }
  UpsTrackAlert(request, std::move(reply));
}

void CarrierPush::UpsTrackAlert(const http::HttpRequest& request,
                                server::HttpServer::ReplyCallback reply) {
  const absl::string_view credential = request.Header("credential");
  if (credential.empty() || !integrations::SecretsEqual(credential, settings_.ups.credential)) {
    return reply(Error(401, "UNAUTHENTICATED", "credential: missing or wrong"));
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::object* fields = error ? nullptr : body.if_object();
  if (fields == nullptr) return reply(Error(400, "INVALID_ARGUMENT", "body: not a JSON object"));
  const json::value* raw = fields->if_contains("trackingNumber");
  if (raw == nullptr || !raw->is_string()) {
    return reply(Error(400, "INVALID_ARGUMENT", "trackingNumber: required, a string"));
  }
  absl::StatusOr<std::string> number =
      server::ValidateTrackingNumber("trackingNumber", std::string(raw->as_string()));
  if (!number.ok()) {
    return reply(Error(400, "INVALID_ARGUMENT", std::string(number.status().message())));
  }
  const std::string tenant = settings_.ups.tenant;
  deps_.store->ClaimOnce(
      tenant, absl::StrCat("ups:", Sha256Hex(request.body)), settings_.replay_window,
      [this, tenant, number = *number,
       reply = std::move(reply)](absl::StatusOr<bool> first) mutable {
        if (!first.ok()) {
          return reply(Error(503, "UNAVAILABLE", "the push could not be recorded; retry"));
        }
        if (!*first) return reply(JsonAnswer(200, json::object{{"replay", true}}));
        server::TrackRequest track;
        track.tenant = tenant;
        track.tracking_number = number;
        track.carrier = v1::CARRIER_UPS;
        track.cache.set_force_refresh(true);
        track.deadline = absl::Now() + absl::Seconds(10);
        deps_.lookup->Track(track, [this, tenant, number, reply = std::move(reply)](
                                       absl::StatusOr<v1::Shipment> shipment) mutable {
          if (!shipment.ok()) {
            spdlog::info("push ups: refreshing {} failed: {}", number,
                         shipment.status().ToString());
          }
          deps_.store->Touch(
              tenant, number, absl::Now(),
              [reply = std::move(reply)](absl::StatusOr<int64_t> touched) mutable {
                reply(JsonAnswer(202, json::object{{"accepted", true},
                                                   {"watches", touched.ok() ? *touched : 0}}));
              });
        });
      });
}

}  // namespace trackenrich::push
