#include "services/integrations/gorgias/gorgias.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/request_fields.h"

namespace trackenrich::integrations::gorgias {
namespace {

namespace json = boost::json;

// Gorgias leaves a variable it cannot fill as its template text.
std::string Clean(const Parameters& parameters, const std::string& name) {
  auto it = parameters.find(name);
  if (it == parameters.end()) return "";
  const absl::string_view value = absl::StripAsciiWhitespace(it->second);
  if (value.size() >= 4 && value.substr(0, 2) == "{{" && value.substr(value.size() - 2) == "}}") {
    return "";
  }
  return std::string(value);
}

json::string Str(const std::string& text) { return json::string(text); }

json::object ShipmentFields(const v1::Shipment& shipment, const std::string& language) {
  return json::object{{"status", Str(StateWords(shipment.state(), language))},
                      {"state", Str(std::string(absl::StripPrefix(
                                    v1::ShipmentState_Name(shipment.state()), "SHIPMENT_STATE_")))},
                      {"carrier", Str(shipment.carrier_name())},
                      {"tracking_number", Str(shipment.tracking_number())},
                      {"tracking_url", Str(shipment.tracking_url())},
                      {"eta", Str(DeliveryDateWords(shipment, language))},
                      {"latest_event", Str(shipment.carrier_status_text())}};
}

}  // namespace

absl::StatusOr<GorgiasQuery> ParseGorgiasRequest(const http::HttpRequest& request) {
  auto parameters = RequestParameters(request);
  if (!parameters.ok()) return parameters.status();
  GorgiasQuery query;
  query.ticket_id = Clean(*parameters, "ticket_id");
  query.email = Clean(*parameters, "email");
  query.subject = Clean(*parameters, "subject");
  query.message = Clean(*parameters, "message");
  query.order_id = Clean(*parameters, "order_id");
  query.channel = Clean(*parameters, "channel");
  query.tracking_number = Clean(*parameters, "tracking_number");
  query.language = Clean(*parameters, "language");
  if (std::string agent = Clean(*parameters, "agent_language"); !agent.empty()) {
    query.agent_language = agent;
  }
  return query;
}

absl::StatusOr<v1::EnrichTicketRequest> GorgiasEnrichRequest(const GorgiasQuery& query) {
  v1::EnrichTicketRequest request;
  request.set_ticket_id(query.ticket_id);
  request.set_language(query.language);
  if (!query.tracking_number.empty()) {
    request.mutable_shipment()->set_tracking_number(query.tracking_number);
  } else if (!query.order_id.empty()) {
    auto order = OrderRefFrom(query.order_id, query.channel, "");
    if (!order.ok()) return order.status();
    *request.mutable_order() = *std::move(order);
  } else if (!query.subject.empty() || !query.message.empty()) {
    request.mutable_text()->set_subject(query.subject);
    request.mutable_text()->set_body(query.message);
  } else {
    return absl::InvalidArgumentError(
        "nothing to look up: send tracking_number, order_id, subject or message (e.g. "
        "message={{ticket.messages[0].body_text}})");
  }
  return request;
}

std::string GorgiasWidgetJson(const v1::Enrichment& enrichment, const GorgiasQuery& query) {
  const std::string& language = query.agent_language;
  const std::vector<const v1::Shipment*> shipments = CardShipments(enrichment);
  json::object out;
  out["ticket_id"] = Str(query.ticket_id);
  out["found"] = !shipments.empty() || !enrichment.orders().empty();
  json::array all;
  for (const v1::Shipment* shipment : shipments) all.push_back(ShipmentFields(*shipment, language));
  if (!shipments.empty()) {
    for (auto& member : ShipmentFields(*shipments.front(), language)) {
      out[member.key()] = member.value();
    }
  } else {
    out["status"] = Str(StateWords(v1::SHIPMENT_STATE_NOT_FOUND, language));
    out["state"] = "NOT_FOUND";
  }
  out["order_id"] = Str(enrichment.orders().empty() ? "" : enrichment.orders(0).order_id());
  std::vector<std::string> flags;
  for (const v1::RiskFlag& flag : enrichment.flags()) {
    flags.push_back(flag.reason().empty()
                        ? FlagWords(flag.kind(), language)
                        : absl::StrCat(FlagWords(flag.kind(), language), ": ", flag.reason()));
  }
  out["flags"] = Str(absl::StrJoin(flags, "; "));
  out["next_action"] = Str(enrichment.next_action().summary());
  out["next_steps"] = Str(absl::StrJoin(enrichment.next_action().steps(), " / "));
  out["reply_subject"] = Str(enrichment.reply().subject());
  out["reply"] = Str(enrichment.reply().body());
  out["reply_language"] = Str(enrichment.reply().language());
  out["shipments"] = std::move(all);
  return json::serialize(out);
}

}  // namespace trackenrich::integrations::gorgias
