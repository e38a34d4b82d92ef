// The built-in reply templates: they parse, cover every situation in five
// languages (orders in several packages, unshipped and unknown orders
// included) and render without a single compliance finding; placeholders,
// sections, language fallback, locale dates, the link policy and seller
// templates loaded from files.
#include "services/enrichment/reply_templates.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "adapters/detection/tracking_urls.h"
#include "services/enrichment/next_action.h"
#include "services/enrichment/reply_renderer.h"
#include "tests/services/enrichment/enrichment_test_util.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_paths.h"

namespace trackenrich::enrichment {
namespace {

using testing::FbaOrder;
using testing::FbmOrder;
using testing::kNow;
using testing::Package;
using ::trackenrich::testing::IsOk;
using ::trackenrich::testing::StatusIs;

constexpr auto H = [](int hours) { return absl::Hours(hours); };
constexpr const char* kLanguages[] = {"en", "it", "de", "fr", "es"};
// The templates about a package, and those about an order without one.
constexpr const char* kTemplates[] = {kFbmStatusUpdate,   kFbaRedirect,          kDelayApology,
                                      kExceptionFollowUp, kDeliveredNotReceived, kLostReplacement};
constexpr const char* kOrderTemplates[] = {kNotYetShipped, kOrderNotFound};

struct Situation {
  const char* name;
  v1::Shipment shipment;
  std::optional<v1::Order> order;
};

std::vector<Situation> Situations() {
  return {
      {"in transit with an ETA, FBM order",
       Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Eta(H(30)).Build(), FbmOrder().Build()},
      {"in transit, no order, no ETA",
       Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build(),
       {}},
      {"out for delivery",
       Package(v1::SHIPMENT_STATE_OUT_FOR_DELIVERY).Trail(H(2)).Eta(H(5)).Build(),
       FbmOrder().Build()},
      {"label created", Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(3)).Build(),
       FbmOrder().Build()},
      {"delayed by weather with a new ETA",
       Package(v1::SHIPMENT_STATE_DELAYED)
           .Reason(v1::STATE_REASON_WEATHER)
           .Trail(H(7))
           .Eta(H(50))
           .Build(),
       FbmOrder().Build()},
      {"exception: address",
       Package(v1::SHIPMENT_STATE_EXCEPTION)
           .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
           .Trail(H(5))
           .Build(),
       FbmOrder().Build()},
      {"delivery attempted",
       Package(v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED)
           .Reason(v1::STATE_REASON_RECIPIENT_UNAVAILABLE)
           .Trail(H(3))
           .Build(),
       FbmOrder().Build()},
      {"delivered, signed", Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(20)).Signature().Build(),
       FbmOrder().Build()},
      {"lost", Package(v1::SHIPMENT_STATE_LOST).Reason(v1::STATE_REASON_LOST).Trail(H(30)).Build(),
       FbmOrder().Build()},
      {"refused, returning",
       Package(v1::SHIPMENT_STATE_RETURNING).Reason(v1::STATE_REASON_REFUSED).Trail(H(4)).Build(),
       FbmOrder().Build()},
      {"USPS, all-digit number",
       Package(v1::SHIPMENT_STATE_IN_TRANSIT, testing::kUspsNumber, v1::CARRIER_USPS, "USPS")
           .Trail(H(4))
           .Eta(H(26))
           .Build(),
       FbmOrder().Build()},
      {"FBA, Amazon Logistics",
       Package(v1::SHIPMENT_STATE_IN_TRANSIT, "TBA304125876100", v1::CARRIER_AMAZON, "Amazon")
           .Trail(H(4))
           .Eta(H(20))
           .Build(),
       FbaOrder().Build()},
  };
}

v1::Shipment FedEx(v1::ShipmentState state) {
  return Package(state, "777100000025", v1::CARRIER_FEDEX, "FedEx").Trail(H(5)).Eta(H(30)).Build();
}

// Orders in several packages: the reply is about the first package given and
// names every one.
std::vector<Situation> MultiPackageSituations() {
  const v1::Shipment ups_delivered =
      Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(20)).Signature().Build();
  const v1::Shipment fedex_in_transit = FedEx(v1::SHIPMENT_STATE_IN_TRANSIT);
  const v1::Shipment usps_exception =
      Package(v1::SHIPMENT_STATE_EXCEPTION, testing::kUspsNumber, v1::CARRIER_USPS, "USPS")
          .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
          .Trail(H(5))
          .Build();
  const v1::Shipment ups_delayed = Package(v1::SHIPMENT_STATE_DELAYED)
                                       .Reason(v1::STATE_REASON_WEATHER)
                                       .Trail(H(7))
                                       .Eta(H(50))
                                       .Build();
  return {
      {"FBM, UPS delivered + FedEx in transit", fedex_in_transit,
       FbmOrder().With(ups_delivered).With(fedex_in_transit).Build()},
      {"FBM on Shopify, UPS delayed + FedEx in transit", ups_delayed,
       FbmOrder()
           .Channel(v1::SALES_CHANNEL_SHOPIFY)
           .With(ups_delayed)
           .With(fedex_in_transit)
           .Build()},
      {"FBM, three packages: delivered, in transit, exception", usps_exception,
       FbmOrder().With(ups_delivered).With(fedex_in_transit).With(usps_exception).Build()},
      {"FBM, both delivered", ups_delivered,
       FbmOrder().With(ups_delivered).With(FedEx(v1::SHIPMENT_STATE_DELIVERED)).Build()},
      {"FBA, two Amazon packages",
       Package(v1::SHIPMENT_STATE_IN_TRANSIT, "TBA304125876100", v1::CARRIER_AMAZON, "Amazon")
           .Trail(H(4))
           .Build(),
       FbaOrder()
           .With(Package(v1::SHIPMENT_STATE_IN_TRANSIT, "TBA304125876100", v1::CARRIER_AMAZON,
                         "Amazon")
                     .Trail(H(4))
                     .Build())
           .With(Package(v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, "TBA304125876111", v1::CARRIER_AMAZON,
                         "Amazon")
                     .Trail(H(2))
                     .Build())
           .Build()},
  };
}

TEST_CASE("built-in templates: eight situations in five languages", "[enrichment]") {
  const auto catalog = TemplateCatalog::Builtin();
  REQUIRE(TemplateCatalog::Parse(BuiltinTemplatesJson()).ok());
  CHECK(catalog->templates().size() == 8);
  std::vector<const char*> ids(std::begin(kTemplates), std::end(kTemplates));
  ids.insert(ids.end(), std::begin(kOrderTemplates), std::end(kOrderTemplates));
  for (const char* id : ids) {
    INFO(id);
    const ReplyTemplate* reply = catalog->Find(id);
    REQUIRE(reply != nullptr);
    CHECK_FALSE(reply->description.empty());
    for (const char* language : kLanguages) CHECK(reply->languages.contains(language));
  }
  // Every state and reason has words in every language, and every language
  // says how one package of several is listed.
  for (const char* language : kLanguages) {
    INFO(language);
    CHECK(catalog->PackageLine(language) != nullptr);
    for (int state = v1::ShipmentState_MIN + 1; state <= v1::ShipmentState_MAX; ++state) {
      if (!v1::ShipmentState_IsValid(state)) continue;
      INFO(v1::ShipmentState_Name(state));
      CHECK_FALSE(catalog->StateWords(language, static_cast<v1::ShipmentState>(state)).empty());
    }
    for (int reason = v1::StateReason_MIN + 1; reason < v1::STATE_REASON_OTHER; ++reason) {
      if (!v1::StateReason_IsValid(reason)) continue;
      INFO(v1::StateReason_Name(reason));
      CHECK_FALSE(catalog->ReasonWords(language, static_cast<v1::StateReason>(reason)).empty());
    }
  }
}

ReplyPolicy LinksEverywhere() {
  ReplyPolicy policy;
  policy.amazon_links = true;
  policy.unknown_links = true;
  return policy;
}

// Renders a built-in template for `situation` and checks what every rendered
// reply must be: compliant, in the language asked for, every placeholder
// filled, the order ID in the subject.
v1::RenderedReply RenderClean(const ReplyPolicy& policy, const char* id, const char* language,
                              const Situation& situation) {
  ReplyInput input;
  input.template_id = id;
  input.language = language;
  input.shipment = &situation.shipment;
  input.order = situation.order.has_value() ? &*situation.order : nullptr;
  auto reply = RenderReply(*TemplateCatalog::Builtin(), policy, input, kNow);
  REQUIRE_THAT(reply.status(), IsOk());
  INFO(reply->subject() << "\n" << reply->body());
  for (const auto& finding : reply->findings()) {
    FAIL_CHECK(v1::ComplianceRule_Name(finding.rule()) << ": " << finding.excerpt());
  }
  CHECK(reply->compliant());
  CHECK(reply->language() == language);
  CHECK_FALSE(absl::StrContains(reply->body(), "{"));
  CHECK_FALSE(absl::StrContains(reply->subject(), "{"));
  if (input.order != nullptr) CHECK(absl::StrContains(reply->subject(), testing::kOrderId));
  return *std::move(reply);
}

TEST_CASE("built-in templates render without findings in every language and situation",
          "[enrichment]") {
  const auto catalog = TemplateCatalog::Builtin();
  std::vector<Situation> situations = Situations();
  const size_t single = situations.size();
  for (Situation& situation : MultiPackageSituations()) situations.push_back(std::move(situation));
  int rendered = 0;
  int multi_rendered = 0;
  for (const ReplyPolicy& policy : {ReplyPolicy(), LinksEverywhere()}) {
    for (const Situation& situation : situations) {
      for (const char* id : kTemplates) {
        for (const char* language : kLanguages) {
          INFO(situation.name << " / " << id << " / " << language);
          const v1::RenderedReply reply = RenderClean(policy, id, language, situation);
          INFO(reply.body());
          CHECK(absl::StrContains(reply.body(), situation.shipment.tracking_number()));
          ++rendered;
          if (!situation.order.has_value() || situation.order->shipments_size() < 2) continue;
          // Every package by carrier, number and state in words, with its
          // link where the channel allows links; delivered or not, each one.
          const v1::Order& order = *situation.order;
          const bool links = policy.TrackingLinksAllowed(order.channel());
          CHECK(absl::StrContains(reply.body(), absl::StrCat(" ", order.shipments_size(), " ")));
          for (const v1::Shipment& package : order.shipments()) {
            INFO(package.tracking_number());
            CHECK(
                absl::StrContains(reply.body(), absl::StrCat("- ", package.carrier_name(), ", ")));
            CHECK(absl::StrContains(
                reply.body(), absl::StrCat(": ", catalog->StateWords(language, package.state()))));
            CHECK(absl::StrContains(reply.body(), absl::StrCat(package.carrier_name(), " ",
                                                               package.tracking_number())));
            const std::string link =
                detection::TrackingUrl(package.carrier(), package.tracking_number());
            CHECK(absl::StrContains(reply.body(), link) == links);
          }
          ++multi_rendered;
        }
      }
    }
  }
  CHECK(rendered == 2 * static_cast<int>(situations.size()) * 6 * 5);
  CHECK(multi_rendered == 2 * static_cast<int>(situations.size() - single) * 6 * 5);
}

TEST_CASE("built-in templates about an order render without findings in every language",
          "[enrichment]") {
  const v1::Shipment no_package;
  const std::vector<Situation> situations = {
      {"unshipped, ship-by in 2 days, deliver-by ahead", no_package,
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(H(48)).DeliverBy(H(120)).Build()},
      {"unshipped, ship-by missed", no_package,
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-H(30)).DeliverBy(H(20)).Build()},
      {"unshipped, no windows", no_package, FbmOrder(v1::ORDER_STATUS_UNSHIPPED).Build()},
      {"unshipped on Shopify", no_package,
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED)
           .Channel(v1::SALES_CHANNEL_SHOPIFY)
           .ShipBy(H(5))
           .Build()},
      {"no order named", no_package, {}},
  };
  int rendered = 0;
  for (const ReplyPolicy& policy : {ReplyPolicy(), LinksEverywhere()}) {
    for (const Situation& situation : situations) {
      for (const char* id : kOrderTemplates) {
        for (const char* language : kLanguages) {
          INFO(situation.name << " / " << id << " / " << language);
          const v1::RenderedReply reply = RenderClean(policy, id, language, situation);
          CHECK_FALSE(absl::StrContains(reply.body(), "http"));
          ++rendered;
        }
      }
    }
  }
  CHECK(rendered == 2 * 5 * 2 * 5);
}

v1::RenderedReply Render(const std::string& id, const std::string& language,
                         const v1::Shipment& shipment, const v1::Order* order = nullptr,
                         const ReplyPolicy& policy = ReplyPolicy(),
                         v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED) {
  ReplyInput input;
  input.template_id = id;
  input.language = language;
  input.shipment = &shipment;
  input.order = order;
  input.channel = channel;
  auto reply = RenderReply(*TemplateCatalog::Builtin(), policy, input, kNow);
  REQUIRE_THAT(reply.status(), IsOk());
  return *reply;
}

TEST_CASE("replies: placeholders in the buyer's language and locale", "[enrichment]") {
  // ETA: Saturday 31 January 2026, 18:00 UTC = 13:00 in the package's -05:00.
  const v1::Shipment shipment =
      Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Eta(H(30)).Build();
  const v1::Order order = FbmOrder().Build();
  struct Row {
    const char* language;
    const char* used;
    const char* status;
    const char* eta;
  };
  const Row rows[] = {
      {"en", "en", "Current status: in transit.", "Saturday, 31 January 2026"},
      {"en-US", "en", "Current status: in transit.", "Saturday, January 31, 2026"},
      {"it-IT", "it", "Stato attuale: in transito.", "sabato 31 gennaio 2026"},
      {"de-AT", "de", "Aktueller Status: unterwegs.", "Samstag, 31. Jänner 2026"},
      {"de", "de", "Aktueller Status: unterwegs.", "Samstag, 31. Januar 2026"},
      {"fr-CA", "fr", "Statut actuel : en cours d'acheminement.", "samedi 31 janvier 2026"},
      {"es_MX", "es", "Estado actual: en tránsito.", "sábado 31 de enero de 2026"},
      {"pt-BR", "en", "Current status: in transit.", "Saturday, 31 January 2026"},
      {"", "en", "Current status: in transit.", "Saturday, 31 January 2026"},
  };
  for (const Row& row : rows) {
    INFO(row.language);
    const auto reply = Render(kFbmStatusUpdate, row.language, shipment, &order);
    INFO(reply.body());
    CHECK(reply.language() == row.used);
    CHECK(absl::StrContains(reply.body(), row.status));
    CHECK(absl::StrContains(reply.body(), row.eta));
    CHECK(absl::StrContains(reply.body(), "UPS"));
    CHECK(absl::StrContains(reply.subject(), testing::kOrderId));
  }

  // A US marketplace writes English dates month first.
  v1::Order us_order = FbmOrder().Build();
  us_order.set_marketplace_country("US");
  CHECK(absl::StrContains(Render(kFbmStatusUpdate, "en", shipment, &us_order).body(),
                          "Saturday, January 31, 2026"));

  // Delivered: the delivery day, no ETA; the reason as a sentence.
  const v1::Shipment delivered =
      Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(20)).Signature().Eta(H(5)).Build();
  const auto delivered_reply = Render(kDeliveredNotReceived, "fr", delivered, &order);
  CHECK(absl::StrContains(delivered_reply.body(), "livré le 29 janvier 2026"));
  CHECK_FALSE(absl::StrContains(Render(kFbmStatusUpdate, "en", delivered).body(), "Expected"));
  const v1::Shipment weather =
      Package(v1::SHIPMENT_STATE_DELAYED).Reason(v1::STATE_REASON_WEATHER).Trail(H(3)).Build();
  CHECK(absl::StrContains(Render(kDelayApology, "de", weather).body(),
                          "verzögert. Schlechtes Wetter hat die Zustellung verzögert."));
  // An ETA already past is left out rather than promised.
  const v1::Shipment overdue =
      Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Eta(-H(10)).Build();
  CHECK_FALSE(absl::StrContains(Render(kFbmStatusUpdate, "en", overdue).body(), "Expected"));
  // Without an order the order ID and its section disappear.
  const auto no_order = Render(kFbmStatusUpdate, "en", shipment);
  CHECK(no_order.subject() == "Update on your order");
  CHECK(no_order.compliant());
}

TEST_CASE("templates: {^name} sections and a seller's own package line", "[enrichment]") {
  auto catalog = TemplateCatalog::Parse(R"({
    "words": {"en": {"package_line": "* {tracking_number} ({status}){?eta} by {eta}{/eta}"}},
    "templates": {"t": {"languages": {"en": {
      "subject": "{^order_id}Your parcel{/order_id}{?order_id}Order {order_id}{/order_id}",
      "body": "{^packages}One: {tracking_number}.{/packages}{?packages}{package_count}:\n{packages}{/packages}"}}}}})");
  REQUIRE_THAT(catalog.status(), IsOk());
  TemplateCatalog merged = *TemplateCatalog::Builtin();
  merged.Merge(*catalog);
  const v1::Shipment ups = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Eta(H(30)).Build();
  const v1::Shipment fedex =
      Package(v1::SHIPMENT_STATE_DELIVERED, "777100000025", v1::CARRIER_FEDEX, "FedEx")
          .Trail(H(5))
          .Build();
  ReplyInput input;
  input.template_id = "t";
  input.shipment = &ups;
  auto one = RenderReply(merged, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(one.status(), IsOk());
  CHECK(one->subject() == "Your parcel");
  CHECK(one->body() == "One: 1Z4F8W170342185630.");

  const v1::Order order = FbmOrder().With(ups).With(fedex).Build();
  input.order = &order;
  auto two = RenderReply(merged, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(two.status(), IsOk());
  CHECK(two->subject() == absl::StrCat("Order ", testing::kOrderId));
  CHECK(two->body() ==
        "2:\n* 1Z4F8W170342185630 (in transit) by Saturday, 31 January 2026\n"
        "* 777100000025 (delivered)");
  CHECK(two->compliant());

  // The packages given win over the order's; one package is no list.
  input.packages = absl::MakeConstSpan(&ups, 1);
  auto given = RenderReply(merged, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(given.status(), IsOk());
  CHECK(given->body() == "One: 1Z4F8W170342185630.");
}

TEST_CASE("replies: tracking links only where the channel allows them", "[enrichment]") {
  const v1::Shipment shipment = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build();
  const std::string link = "https://www.ups.com/track?tracknum=1Z4F8W170342185630";
  v1::Order amazon = FbmOrder().Build();
  v1::Order shopify = FbmOrder().Channel(v1::SALES_CHANNEL_SHOPIFY).Build();
  const ReplyPolicy policy;

  const auto on_amazon = Render(kFbmStatusUpdate, "en", shipment, &amazon, policy);
  CHECK_FALSE(absl::StrContains(on_amazon.body(), "https://"));
  CHECK(on_amazon.compliant());
  const auto on_shopify = Render(kFbmStatusUpdate, "en", shipment, &shopify, policy);
  CHECK(absl::StrContains(on_shopify.body(), link));
  CHECK(on_shopify.compliant());
  // The request's channel wins over the order's.
  CHECK_FALSE(absl::StrContains(
      Render(kFbmStatusUpdate, "en", shipment, &shopify, policy, v1::SALES_CHANNEL_AMAZON).body(),
      "https://"));
  // No channel known: no link by default.
  CHECK_FALSE(absl::StrContains(Render(kFbmStatusUpdate, "en", shipment).body(), "https://"));

  // A tracking_url that is not the carrier's tracking page is never used.
  const v1::Shipment odd = Package(v1::SHIPMENT_STATE_IN_TRANSIT)
                               .Trail(H(6))
                               .TrackingUrl("https://evil.example/x")
                               .Build();
  const auto replaced = Render(kFbmStatusUpdate, "en", odd, &shopify, policy);
  CHECK(absl::StrContains(replaced.body(), link));
  CHECK_FALSE(absl::StrContains(replaced.body(), "evil"));
}

TEST_CASE("replies: missing data leaves the placeholder and a finding", "[enrichment]") {
  v1::Shipment no_carrier = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build();
  no_carrier.clear_carrier_name();
  no_carrier.set_carrier(v1::CARRIER_UNSPECIFIED);
  const auto reply = Render(kDelayApology, "en", no_carrier);
  CHECK_FALSE(reply.compliant());
  REQUIRE(reply.findings_size() == 1);
  CHECK(reply.findings(0).rule() == v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER);
  CHECK(reply.findings(0).excerpt() == "{carrier}");

  v1::Shipment no_state = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Build();
  no_state.set_state(v1::SHIPMENT_STATE_UNSPECIFIED);
  const auto unknown_state = Render(kFbmStatusUpdate, "it", no_state);
  CHECK_FALSE(unknown_state.compliant());
  CHECK(absl::StrContains(unknown_state.body(), "Stato attuale: {status}."));
}

TEST_CASE("replies: unknown templates are NOT_FOUND naming template_id", "[enrichment]") {
  const v1::Shipment shipment = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Build();
  ReplyInput input;
  input.template_id = "no_such_template";
  input.shipment = &shipment;
  CHECK_THAT(RenderReply(*TemplateCatalog::Builtin(), ReplyPolicy(), input, kNow).status(),
             StatusIs(absl::StatusCode::kNotFound, "template_id"));
}

TEST_CASE("templates: language tags and fallbacks", "[enrichment]") {
  CHECK(CanonicalLanguageTag("DE_at") == "de-AT");
  CHECK(CanonicalLanguageTag("zh-hant-TW") == "zh-hant-TW");
  CHECK(LanguageFallbacks("de-AT") == std::vector<std::string>{"de-AT", "de", "en"});
  CHECK(LanguageFallbacks("en-GB") == std::vector<std::string>{"en-GB", "en"});
  CHECK(LanguageFallbacks("") == std::vector<std::string>{"en"});
  const ReplyTemplate* reply = TemplateCatalog::Builtin()->Find(kFbaRedirect);
  REQUIRE(reply != nullptr);
  CHECK(reply->ResolveLanguage("de-AT") == "de");
  CHECK(reply->ResolveLanguage("IT") == "it");
  CHECK(reply->ResolveLanguage("nl-BE") == "en");
}

std::string WriteTempFile(const std::string& name, const std::string& contents) {
  const auto path =
      std::filesystem::temp_directory_path() / absl::StrCat("trackenrich_", ::getpid(), "_", name);
  std::ofstream(path) << contents;
  return path.string();
}

TEST_CASE("templates: seller files add and override, and are checked at load", "[enrichment]") {
  const std::string file = WriteTempFile("seller.json", R"({
    "words": {"de": {"states": {"IN_TRANSIT": "auf dem Weg zu Ihnen"}}},
    "templates": {
      "fbm_status_update": {"languages": {"de": {
        "subject": "Ihre Sendung",
        "body": ["Hallo,", "Ihr Paket ({tracking_number}) ist {status}.", "Ihr Shop-Team"]}}},
      "spring_sale": {"description": "not allowed, but loadable",
        "languages": {"en": {"subject": "Hi",
          "body": "Your package {tracking_number} is {status}. Use code SPRING20 for 20% off your next order and leave us a 5-star review!"}}}
    }})");
  auto catalog = TemplateCatalog::Load({file});
  REQUIRE_THAT(catalog.status(), IsOk());
  const v1::Shipment shipment = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build();

  ReplyInput input;
  input.shipment = &shipment;
  input.template_id = kFbmStatusUpdate;
  input.language = "de";
  auto overridden = RenderReply(**catalog, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(overridden.status(), IsOk());
  CHECK(overridden->subject() == "Ihre Sendung");
  CHECK(absl::StrContains(overridden->body(), "ist auf dem Weg zu Ihnen."));
  CHECK(overridden->compliant());
  // Other languages of the same template keep the built-in text.
  input.language = "it";
  auto kept = RenderReply(**catalog, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(kept.status(), IsOk());
  CHECK(absl::StrContains(kept->body(), "Gentile cliente"));

  input.template_id = "spring_sale";
  input.language = "fr";  // falls back to en
  auto sale = RenderReply(**catalog, ReplyPolicy(), input, kNow);
  REQUIRE_THAT(sale.status(), IsOk());
  CHECK(sale->language() == "en");
  CHECK_FALSE(sale->compliant());
  std::vector<v1::ComplianceRule> rules;
  for (const auto& finding : sale->findings()) rules.push_back(finding.rule());
  CHECK(std::count(rules.begin(), rules.end(), v1::COMPLIANCE_RULE_PROMOTION) >= 2);
  CHECK(std::count(rules.begin(), rules.end(), v1::COMPLIANCE_RULE_REVIEW_REQUEST) >= 1);
  // The built-in set itself is untouched.
  CHECK(TemplateCatalog::Builtin()->Find("spring_sale") == nullptr);
  std::filesystem::remove(file);
}

TEST_CASE("templates: the example seller file renders without findings", "[enrichment]") {
  const std::string example =
      (std::filesystem::path(trackenrich::testing::TestDataDir()).parent_path().parent_path() /
       "deploy" / "templates" / "seller-templates.example.json")
          .string();
  auto catalog = TemplateCatalog::Load({example});
  REQUIRE_THAT(catalog.status(), IsOk());
  const v1::Shipment waiting = Package(v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP)
                                   .Reason(v1::STATE_REASON_HELD_FOR_PICKUP)
                                   .Trail(H(20))
                                   .Eta(H(2))
                                   .Build();
  const v1::Order order = FbmOrder().Channel(v1::SALES_CHANNEL_SHOPIFY).Build();
  for (const char* id : {"pickup_reminder", kFbmStatusUpdate}) {
    for (const char* language : kLanguages) {
      INFO(id << " / " << language);
      ReplyInput input;
      input.template_id = id;
      input.language = language;
      input.shipment = &waiting;
      input.order = &order;
      auto reply = RenderReply(**catalog, ReplyPolicy(), input, kNow);
      REQUIRE_THAT(reply.status(), IsOk());
      INFO(reply->body());
      CHECK(reply->compliant());
    }
  }
}

TEST_CASE("templates: load errors name the file and the key", "[enrichment]") {
  struct Row {
    const char* json;
    const char* message;
  };
  const Row rows[] = {
      {"{", "not valid JSON"},
      {R"({"templatez": {}})", "templatez: unknown key"},
      {R"({"templates": {"Bad Id": {"languages": {"en": {"subject": "s", "body": "b"}}}}})",
       "templates.Bad Id: template IDs"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": "s", "body": "{trackng_number}"}}}}})",
       "templates.x.languages.en.body: unknown placeholder {trackng_number}"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": "{?eta}s", "body": "b"}}}}})",
       "templates.x.languages.en.subject: section {?eta} is never closed"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": "s{/eta}", "body": "b"}}}}})",
       "closes no open"},
      {R"({"templates": {"x": {"languages": {"english": {"subject": "s", "body": "b"}}}}})",
       "templates.x.languages.english: not a language tag"},
      {R"({"templates": {"x": {"languages": {"en": {"body": "b"}}}}})",
       "templates.x.languages.en.subject: required"},
      {R"({"templates": {"x": {"languages": {}}}})", "templates.x.languages: must be"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": 1, "body": "b"}}}}})",
       "templates.x.languages.en.subject: must be a string"},
      {R"({"words": {"en": {"states": {"TELEPORTED": "beamed"}}}})",
       "words.en.states.TELEPORTED: not a known value"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": "{^eta}s", "body": "b"}}}}})",
       "templates.x.languages.en.subject: section {^eta} is never closed"},
      {R"({"templates": {"x": {"languages": {"en": {"subject": "{?eta}s{/status}", "body": "b"}}}}})",
       "{/status} closes no open"},
      {R"({"words": {"en": {"package_line": "{packages}"}}})",
       "words.en.package_line: a package line names only a package's own placeholders"},
      {R"({"words": {"en": {"package_line": "{order_id}"}}})", "not {order_id}"},
      {R"({"words": {"en": {"package_line": ["a", "b"]}}})",
       "words.en.package_line: must be a string"},
  };
  for (const Row& row : rows) {
    INFO(row.json);
    const std::string file = WriteTempFile("bad.json", row.json);
    auto catalog = TemplateCatalog::Load({file});
    CHECK_THAT(catalog.status(), StatusIs(absl::StatusCode::kInvalidArgument, row.message));
    CHECK_THAT(catalog.status(), StatusIs(absl::StatusCode::kInvalidArgument,
                                          absl::StrCat("templates.files[0]: ", file)));
    std::filesystem::remove(file);
  }
  CHECK_THAT(TemplateCatalog::Load({"/nonexistent/templates.json"}).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "templates.files[0]: cannot read"));
}

}  // namespace
}  // namespace trackenrich::enrichment
