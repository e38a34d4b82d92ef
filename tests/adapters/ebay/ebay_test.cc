// The eBay order source's pure pieces (request builders, carrier codes, error
// mapping) and the source itself against the sandbox's eBay routes over real
// HTTP: token grant, getOrder then getShippingFulfillments, one token fetch
// for many cold lookups, the token refreshed once on 401.
#include <atomic>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"

#include "adapters/ebay/ebay_carriers.h"
#include "adapters/ebay/ebay_errors.h"
#include "adapters/ebay/ebay_order_id.h"
#include "adapters/ebay/ebay_order_source.h"
#include "adapters/ebay/ebay_requests.h"
#include "adapters/http/http_client.h"
#include "services/sandbox/ebay_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/io_threads.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::adapters::ebay {
namespace {

using testing::IsOk;
using testing::StatusIs;

TEST_CASE("eBay token request: Basic client credentials, refresh token and scope in the form",
          "[ebay]") {
  const http::HttpRequest request = BuildEbayTokenRequest(
      "app-id", "cert-secret", "v^1.1#r^1#refresh&x=1", kEbayFulfillmentReadScope);
  CHECK(request.method == "POST");
  CHECK(request.target == "/identity/v1/oauth2/token");
  CHECK(request.Header("Authorization") == "Basic " + absl::Base64Escape("app-id:cert-secret"));
  CHECK(request.Header("Content-Type") == "application/x-www-form-urlencoded");
  // Every value percent-encoded: the refresh token's '&' cannot add a field.
  CHECK(
      request.body ==
      "grant_type=refresh_token&refresh_token=v%5E1.1%23r%5E1%23refresh%26x%3D1&scope=https%3A%2F%"
      "2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.fulfillment.readonly");
  CHECK_FALSE(absl::StrContains(request.target, "secret"));
}

TEST_CASE("eBay getOrder and getShippingFulfillments requests", "[ebay]") {
  const http::HttpRequest order = BuildEbayGetOrderRequest("12-34567-89012", "token-1");
  CHECK(order.method == "GET");
  CHECK(order.target == "/sell/fulfillment/v1/order/12-34567-89012");
  CHECK(order.Header("Authorization") == "Bearer token-1");
  // No fieldGroups: the tax breakdown carries the buyer's tax address.
  CHECK_FALSE(absl::StrContains(order.target, "fieldGroups"));
  const http::HttpRequest fulfillments =
      BuildEbayGetShippingFulfillmentsRequest("6498414015!260000000562911", "token-1");
  CHECK(fulfillments.target ==
        "/sell/fulfillment/v1/order/6498414015%21260000000562911/shipping_fulfillment");
  CHECK(BuildEbayGetOrderRequest("a/../b?c", "t").target ==
        "/sell/fulfillment/v1/order/a%2F..%2Fb%3Fc");
}

TEST_CASE("eBay carrier codes: ShippingCarrierCodeType and Post-Order spellings", "[ebay]") {
  struct Row {
    const char* code;
    v1::Carrier carrier;
  };
  for (const Row& row :
       {Row{"UPS", v1::CARRIER_UPS}, Row{"UPSMailInnovations", v1::CARRIER_UPS},
        Row{"USPS", v1::CARRIER_USPS}, Row{"USPSCeP", v1::CARRIER_USPS},
        Row{"FedEx", v1::CARRIER_FEDEX}, Row{"FEDEX", v1::CARRIER_FEDEX},
        Row{"FedExSmartPost", v1::CARRIER_FEDEX}, Row{"DHL", v1::CARRIER_DHL},
        Row{"DHLEXPRESS", v1::CARRIER_DHL}, Row{"DPD", v1::CARRIER_DPD},
        Row{"GLS", v1::CARRIER_GLS}, Row{"RoyalMail", v1::CARRIER_ROYAL_MAIL},
        Row{"ROYAL_MAIL", v1::CARRIER_ROYAL_MAIL}, Row{"PosteItaliane", v1::CARRIER_POSTE_ITALIANE},
        Row{"Bartolini", v1::CARRIER_BRT}, Row{"LAPOSTE", v1::CARRIER_LA_POSTE},
        Row{"Colissimo", v1::CARRIER_LA_POSTE}, Row{"DeutschePost", v1::CARRIER_DEUTSCHE_POST},
        Row{"CANADA_POST", v1::CARRIER_CANADA_POST},
        Row{"AustraliaPost", v1::CARRIER_AUSTRALIA_POST}, Row{"Correos", v1::CARRIER_CORREOS},
        Row{"PostNL", v1::CARRIER_POSTNL}, Row{"TNTPost", v1::CARRIER_POSTNL},
        // Not ours, or ambiguous: left to detection.
        Row{"Hermes", v1::CARRIER_UNSPECIFIED}, Row{"Yodel", v1::CARRIER_UNSPECIFIED},
        Row{"Other", v1::CARRIER_UNSPECIFIED}, Row{"", v1::CARRIER_UNSPECIFIED},
        Row{"UPSX", v1::CARRIER_UNSPECIFIED}}) {
    CAPTURE(row.code);
    CHECK(CarrierFromEbayCode(row.code) == row.carrier);
  }
}

TEST_CASE("eBay order IDs: the 2-5-5 form, near misses are malformed, others not eBay's",
          "[ebay]") {
  CHECK(IsEbayOrderId("12-34567-89012"));
  CHECK(IsEbayOrderId("19-11396-02421"));
  CHECK_THAT(RecognizeEbayOrderId("12-34567-89012"), IsOk());
  for (const char* malformed :
       {"12-3456-89012", "12-34567-890123", "1-34567-89012", "12-345678-89012", "12-34567-8901"}) {
    CAPTURE(malformed);
    CHECK_FALSE(IsEbayOrderId(malformed));
    CHECK_THAT(RecognizeEbayOrderId(malformed),
               StatusIs(absl::StatusCode::kInvalidArgument, "order_id: "));
  }
  // Other channels' IDs and eBay's retired forms: not eBay's (another source may know them).
  for (const char* other :
       {"114-3941689-8772232", "#1001", "1001", "MCF-SANDBOX-1", "110043671232-28000148436",
        "6498414015!260000000562911", "12-34567-8901a", "12_34567_89012", "", "12-34567-89012-1"}) {
    CAPTURE(other);
    CHECK_FALSE(IsEbayOrderId(other));
    CHECK_THAT(RecognizeEbayOrderId(other), StatusIs(absl::StatusCode::kNotFound));
  }
}

TEST_CASE("eBay errors: each HTTP answer maps to its documented code", "[ebay]") {
  auto with = [](int status, std::string body) {
    return EbayError("getOrder", "acme",
                     http::HttpResponse{.status = status, .body = std::move(body)});
  };
  const std::string invalid_id =
      R"({"errors":[{"errorId":32100,"domain":"API_FULFILLMENT","category":"REQUEST","message":"Invalid order ID: 99"}]})";
  CHECK_THAT(with(400, invalid_id), StatusIs(absl::StatusCode::kInvalidArgument, "order_id"));
  CHECK_THAT(with(400, R"({"errors":[{"errorId":32800}]})"),
             StatusIs(absl::StatusCode::kInternal, "errorId 32800"));
  CHECK_THAT(with(401, R"({"errors":[{"errorId":1001,"domain":"OAuth","category":"REQUEST"}]})"),
             StatusIs(absl::StatusCode::kFailedPrecondition, "tenant 'acme'"));
  CHECK_THAT(with(403, ""), StatusIs(absl::StatusCode::kFailedPrecondition));
  CHECK_THAT(with(404, ""), StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(with(429, ""), StatusIs(absl::StatusCode::kResourceExhausted));
  CHECK_THAT(with(500, R"({"errors":[{"errorId":30500}]})"),
             StatusIs(absl::StatusCode::kUnavailable, "30500"));
  CHECK_THAT(with(503, "<html>"), StatusIs(absl::StatusCode::kUnavailable));
  CHECK_THAT(with(418, ""), StatusIs(absl::StatusCode::kInternal));
  // Free text is never repeated; identifiers only.
  const EbayErrorInfo info = ParseEbayErrorInfo(
      R"({"errors":[{"errorId":"32100","domain":"<script>","category":"REQUEST"}]})");
  CHECK(info.error_id == 32100);
  CHECK(info.domain.empty());
  CHECK(info.category == "REQUEST");
  CHECK(ParseEbayErrorInfo("not json").error_id == 0);
}

// The source pointed at the sandbox with the sandbox seller for "acme".
struct SourceHarness {
  SourceHarness() : client(io.context(), {}), sandbox(io.context()) {
    REQUIRE(sandbox.Listen("127.0.0.1", 0).ok());
    EbaySettings settings;
    settings.api_url = sandbox.base_url();
    settings.identity_url = sandbox.base_url();
    settings.client_id = std::string(sandbox::kSandboxClientId);
    settings.client_secret = std::string(sandbox::kSandboxClientSecret);
    settings.sellers["acme"].refresh_token = std::string(sandbox::kSandboxEbayRefreshToken);
    settings.sellers["no-consent"].refresh_token = "";
    auto made = MakeEbayOrderSource(client, settings);
    REQUIRE(made.ok());
    source = *std::move(made);
  }
  ~SourceHarness() { sandbox.Stop(); }

  absl::StatusOr<v1::Order> Get(const std::string& order_id, const std::string& tenant = "acme") {
    return testing::Await<absl::StatusOr<v1::Order>>([&](auto done) {
      source->GetOrder({.tenant = tenant,
                        .order_id = order_id,
                        .channel = v1::SALES_CHANNEL_EBAY,
                        .deadline = absl::Now() + absl::Seconds(10)},
                       std::move(done));
    });
  }

  testing::IoThreads io;
  http::HttpClient client;
  sandbox::SandboxUpstream sandbox;
  std::unique_ptr<OrderSource> source;
};

TEST_CASE("eBay source: the fixed USPS order, two carriers, unfulfilled, unknown carrier",
          "[ebay][sandbox]") {
  SourceHarness harness;
  auto usps = harness.Get("12-34567-89012");
  REQUIRE_THAT(usps.status(), IsOk());
  CHECK(usps->channel() == v1::SALES_CHANNEL_EBAY);
  CHECK(usps->status() == v1::ORDER_STATUS_SHIPPED);
  REQUIRE(usps->shipments_size() == 1);
  CHECK(usps->shipments(0).carrier() == v1::CARRIER_USPS);
  CHECK(usps->shipments(0).tracking_number() ==
        sandbox::SandboxUpstream::ScenarioNumber("usps", "in_transit"));
  // The sandbox sends the buyer's name, address, phone and email with the order.
  const std::string text = usps->DebugString();
  for (const char* personal :
       {"Ada", "Sandbox Street", "4085551432", "ada.buyer@", "sandbox_buyer"}) {
    CHECK_FALSE(absl::StrContains(text, personal));
  }

  auto two = harness.Get("21-55501-00001");
  REQUIRE_THAT(two.status(), IsOk());
  REQUIRE(two->shipments_size() == 2);
  CHECK(two->shipments(0).carrier() == v1::CARRIER_UPS);
  CHECK(two->shipments(1).carrier() == v1::CARRIER_FEDEX);

  const int64_t fulfillment_calls = harness.sandbox.RequestCount("ebay.fulfillments");
  auto unfulfilled = harness.Get("21-55501-00002");
  REQUIRE_THAT(unfulfilled.status(), IsOk());
  CHECK(unfulfilled->status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(unfulfilled->shipments_size() == 0);
  // Nothing to list: getShippingFulfillments is not called.
  CHECK(harness.sandbox.RequestCount("ebay.fulfillments") == fulfillment_calls);

  auto yodel = harness.Get("21-55501-00003");
  REQUIRE_THAT(yodel.status(), IsOk());
  CHECK(yodel->marketplace_country() == "GB");
  REQUIRE(yodel->shipments_size() == 1);
  CHECK(yodel->shipments(0).carrier() == v1::CARRIER_OTHER);
  CHECK(yodel->shipments(0).carrier_name() == "Yodel");
  CHECK(harness.sandbox.RequestCount("ebay.pii") == 0);
}

TEST_CASE("eBay source: errors, and the token refreshed once on 401", "[ebay][sandbox]") {
  SourceHarness harness;
  CHECK_THAT(harness.Get("21-55501-00404").status(), StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(harness.Get("21-55501-00400").status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "order_id"));
  CHECK_THAT(harness.Get("21-55501-00500").status(), StatusIs(absl::StatusCode::kUnavailable));
  const int64_t tokens = harness.sandbox.RequestCount("ebay.token");
  CHECK_THAT(harness.Get("21-55501-00401").status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "tenant 'acme'"));
  // Refused once: a fresh token is fetched and the call sent once more.
  CHECK(harness.sandbox.RequestCount("ebay.token") == tokens + 1);
  CHECK(harness.sandbox.RequestCount("ebay.order") >= 2);
  CHECK_THAT(harness.Get("12-34567-89012", "nobody").status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "ebay.sellers.nobody"));
  CHECK_THAT(harness.Get("12-34567-89012", "no-consent").status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "refresh_token"));
}

TEST_CASE("eBay source: 300 concurrent cold lookups make one token call", "[ebay][sandbox]") {
  SourceHarness harness;
  constexpr int kLookups = 300;
  std::atomic<int> ok{0};
  std::atomic<int> finished{0};
  for (int i = 0; i < kLookups; ++i) {
    harness.source->GetOrder({.tenant = "acme",
                              .order_id = "21-55501-00002",
                              .channel = v1::SALES_CHANNEL_EBAY,
                              .deadline = absl::Now() + absl::Seconds(20)},
                             [&](absl::StatusOr<v1::Order> order) {
                               if (order.ok()) ++ok;
                               ++finished;
                             });
  }
  REQUIRE(testing::WaitFor([&] { return finished == kLookups; }, absl::Seconds(30)));
  CHECK(ok == kLookups);
  CHECK(harness.sandbox.RequestCount("ebay.token") == 1);
  CHECK(harness.sandbox.RequestCount("ebay.order") == kLookups);
}

TEST_CASE("eBay source: a URL that does not parse names its key", "[ebay]") {
  boost::asio::io_context io_context;
  http::HttpClient client(io_context, {});
  EbaySettings settings;
  settings.api_url = "not a url";
  CHECK_THAT(MakeEbayOrderSource(client, settings).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "ebay.api_url"));
  settings.api_url = "https://api.ebay.com";
  settings.identity_url = "::";
  CHECK_THAT(MakeEbayOrderSource(client, settings).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "ebay.identity_url"));
}

}  // namespace
}  // namespace trackenrich::adapters::ebay
