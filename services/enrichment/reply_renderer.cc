#include "services/enrichment/reply_renderer.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

#include "adapters/common/time_util.h"
#include "adapters/detection/tracking_urls.h"
#include "services/enrichment/compliance.h"
#include "services/enrichment/locale_format.h"

namespace trackenrich::enrichment {
namespace {

using adapters::FromProto;

bool HasTime(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() != 0 || timestamp.nanos() != 0;
}

// The package's local time: the offset of the carrier's latest event.
absl::TimeZone PackageZone(const v1::Shipment& shipment) {
  if (shipment.events().empty()) return absl::UTCTimeZone();
  const int offset = shipment.events(shipment.events_size() - 1).utc_offset_seconds();
  return offset == 0 ? absl::UTCTimeZone() : absl::FixedTimeZone(offset);
}

bool Finished(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_DELIVERED:
    case v1::SHIPMENT_STATE_RETURNING:
    case v1::SHIPMENT_STATE_RETURNED:
    case v1::SHIPMENT_STATE_LOST:
    case v1::SHIPMENT_STATE_CANCELLED:
      return true;
    default:
      return false;
  }
}

std::string Eta(const v1::Shipment& shipment, absl::string_view language, absl::Time now) {
  if (Finished(shipment.state()) || !shipment.has_estimated_delivery()) return "";
  const v1::TimeWindow& window = shipment.estimated_delivery();
  const bool has_start = HasTime(window.start());
  const bool has_end = HasTime(window.end());
  if (!has_start && !has_end) return "";
  const absl::Time start = FromProto(has_start ? window.start() : window.end());
  absl::Time end = FromProto(has_end ? window.end() : window.start());
  if (end < now) return "";
  // A window ending at midnight ends on the day before.
  if (end > start) end -= absl::Seconds(1);
  const absl::TimeZone zone = PackageZone(shipment);
  return FormatDateRange(absl::ToCivilDay(start, zone), absl::ToCivilDay(end, zone), language);
}

std::string TrackingLink(const v1::Shipment& shipment) {
  if (IsCarrierTrackingLink(shipment.tracking_url())) return shipment.tracking_url();
  std::string built = detection::TrackingUrl(shipment.carrier(), shipment.tracking_number());
  return IsCarrierTrackingLink(built) ? built : "";
}

v1::SalesChannel ChannelOf(const ReplyInput& input) {
  if (input.channel != v1::SALES_CHANNEL_UNSPECIFIED) return input.channel;
  return input.order != nullptr ? input.order->channel() : v1::SALES_CHANNEL_UNSPECIFIED;
}

void Render(const std::vector<TemplateNode>& nodes,
            const std::map<std::string, std::string>& values, std::string& out) {
  for (const TemplateNode& node : nodes) {
    switch (node.kind) {
      case TemplateNode::Kind::kText:
        out.append(node.text);
        break;
      case TemplateNode::Kind::kPlaceholder: {
        const auto it = values.find(node.text);
        if (it != values.end()) {
          out.append(it->second);
        } else {
          absl::StrAppend(&out, "{", node.text, "}");
        }
        break;
      }
      case TemplateNode::Kind::kSection:
        if (values.contains(node.text)) Render(node.children, values, out);
        break;
      case TemplateNode::Kind::kInvertedSection:
        if (!values.contains(node.text)) Render(node.children, values, out);
        break;
    }
  }
}

// The carrier's name in `language` when its descriptor gives one and the
// shipment carries the carrier's own (English) name; else the shipment's name.
std::string LocalizedCarrierName(const v1::Shipment& shipment, absl::string_view language) {
  if (shipment.carrier_name() == detection::CarrierDisplayName(shipment.carrier())) {
    return detection::CarrierDisplayName(shipment.carrier(), language);
  }
  return shipment.carrier_name();
}

// The values of one package's own placeholders (kPackagePlaceholders).
std::map<std::string, std::string> PackageValues(const TemplateCatalog& catalog, bool links,
                                                 const v1::Shipment& shipment,
                                                 absl::string_view language, absl::Time now) {
  std::map<std::string, std::string> values;
  auto set = [&values](const char* name, std::string value) {
    if (!value.empty()) values[name] = std::move(value);
  };
  set("carrier", shipment.carrier_name().empty()
                     ? detection::CarrierDisplayName(shipment.carrier(), language)
                     : LocalizedCarrierName(shipment, language));
  set("tracking_number", shipment.tracking_number());
  set("status", catalog.StateWords(language, shipment.state()));
  if (shipment.reason() != v1::STATE_REASON_UNSPECIFIED) {
    set("status_detail", catalog.ReasonWords(language, shipment.reason()));
  }
  set("eta", Eta(shipment, language, now));
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED && HasTime(shipment.delivered_at())) {
    set("delivered_date",
        FormatLongDate(absl::ToCivilDay(FromProto(shipment.delivered_at()), PackageZone(shipment)),
                       language, false));
  }
  if (links) set("tracking_link", TrackingLink(shipment));
  return values;
}

// Every package the reply covers, in order: the input's, else the order's;
// packages without a known state are left out.
std::vector<const v1::Shipment*> PackagesOf(const ReplyInput& input) {
  std::vector<const v1::Shipment*> packages;
  auto add = [&packages](const v1::Shipment& shipment) {
    if (shipment.state() != v1::SHIPMENT_STATE_UNSPECIFIED) packages.push_back(&shipment);
  };
  if (!input.packages.empty()) {
    for (const v1::Shipment& shipment : input.packages) add(shipment);
  } else if (input.order != nullptr) {
    for (const v1::Shipment& shipment : input.order->shipments()) add(shipment);
  }
  return packages;
}

std::string Primary(absl::string_view tag) {
  const std::string canonical = CanonicalLanguageTag(tag);
  return canonical.substr(0, canonical.find('-'));
}

}  // namespace

std::map<std::string, std::string> PlaceholderValues(const TemplateCatalog& catalog,
                                                     const ReplyPolicy& policy,
                                                     const ReplyInput& input,
                                                     absl::string_view language, absl::Time now) {
  static const v1::Shipment kNoShipment;
  const bool links = policy.TrackingLinksAllowed(ChannelOf(input));
  std::map<std::string, std::string> values = PackageValues(
      catalog, links, input.shipment != nullptr ? *input.shipment : kNoShipment, language, now);
  auto set = [&values](const char* name, std::string value) {
    if (!value.empty()) values[name] = std::move(value);
  };
  if (input.order != nullptr) {
    set("order_id", input.order->order_id());
    // "your order on Acme Outdoor": the store of a non-Amazon order.
    set("store", input.order->store_name());
  }

  const std::vector<const v1::Shipment*> packages = PackagesOf(input);
  if (packages.size() >= 2) {
    const std::vector<TemplateNode>* line = catalog.PackageLine(language);
    std::vector<std::string> lines;
    std::vector<std::string> delivered;
    std::vector<std::string> not_delivered;
    for (const v1::Shipment* package : packages) {
      const auto package_values = PackageValues(catalog, links, *package, language, now);
      std::string text;
      if (line != nullptr) Render(*line, package_values, text);
      lines.push_back(std::move(text));
      const auto carrier = package_values.find("carrier");
      std::string name = carrier == package_values.end()
                             ? package->tracking_number()
                             : absl::StrCat(carrier->second, " ", package->tracking_number());
      (package->state() == v1::SHIPMENT_STATE_DELIVERED ? delivered : not_delivered)
          .push_back(std::move(name));
    }
    set("packages", absl::StrJoin(lines, "\n"));
    set("package_count", absl::StrCat(packages.size()));
    set("packages_delivered", absl::StrJoin(delivered, ", "));
    set("packages_not_delivered", absl::StrJoin(not_delivered, ", "));
  }

  if (input.order != nullptr) {
    const v1::Order& order = *input.order;
    if (order.has_ship_by() && HasTime(order.ship_by().end())) {
      const absl::Time ship_by = FromProto(order.ship_by().end());
      // Once missed, the next day: the next action asks the seller to ship today.
      const absl::Time promised = ship_by > now ? ship_by : now + absl::Hours(24);
      set("ship_by", FormatLongDate(absl::ToCivilDay(promised, absl::UTCTimeZone()), language,
                                    /*with_weekday=*/true));
    }
    if (order.has_deliver_by() && HasTime(order.deliver_by().end()) &&
        FromProto(order.deliver_by().end()) > now) {
      const absl::Time end = FromProto(order.deliver_by().end());
      const absl::Time start =
          HasTime(order.deliver_by().start()) ? FromProto(order.deliver_by().start()) : end;
      set("deliver_by", FormatDateRange(absl::ToCivilDay(std::max(start, now), absl::UTCTimeZone()),
                                        absl::ToCivilDay(end, absl::UTCTimeZone()), language));
    }
  }
  return values;
}

absl::StatusOr<v1::RenderedReply> RenderReply(const TemplateCatalog& catalog,
                                              const ReplyPolicy& policy, const ReplyInput& input,
                                              absl::Time now) {
  const ReplyTemplate* reply_template = catalog.Find(input.template_id);
  if (reply_template == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("template_id: no reply template named \"", input.template_id, "\""));
  }
  const absl::optional<std::string> language = reply_template->ResolveLanguage(input.language);
  if (!language.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("template_id: template \"", input.template_id, "\" has no translation for ",
                     absl::StrJoin(LanguageFallbacks(input.language), " or ")));
  }
  // Dates follow the buyer's own tag where it is the same language ("en-US"
  // writes month first even when the text is the "en" translation).
  std::string date_language = *language;
  if (!input.language.empty() && Primary(input.language) == Primary(*language)) {
    date_language = CanonicalLanguageTag(input.language);
  }
  if (date_language == "en" && input.order != nullptr &&
      (input.order->marketplace_country() == "US" || input.order->marketplace_country() == "CA")) {
    date_language = "en-US";
  }

  const auto values = PlaceholderValues(catalog, policy, input, date_language, now);
  const TemplateText& text = reply_template->languages.at(*language);
  v1::RenderedReply reply;
  reply.set_template_id(input.template_id);
  reply.set_language(*language);
  Render(text.subject, values, *reply.mutable_subject());
  Render(text.body, values, *reply.mutable_body());

  ComplianceContext context;
  context.tracking_links_allowed = policy.TrackingLinksAllowed(ChannelOf(input));
  context.channel = ChannelOf(input);
  if (input.shipment != nullptr) context.identifiers.push_back(input.shipment->tracking_number());
  for (const v1::Shipment* package : PackagesOf(input)) {
    context.identifiers.push_back(package->tracking_number());
  }
  if (input.order != nullptr) context.identifiers.push_back(input.order->order_id());
  for (auto& finding :
       CheckCompliance(absl::StrCat(reply.subject(), "\n", reply.body()), context)) {
    *reply.add_findings() = std::move(finding);
  }
  reply.set_compliant(reply.findings().empty());
  return reply;
}

}  // namespace trackenrich::enrichment
