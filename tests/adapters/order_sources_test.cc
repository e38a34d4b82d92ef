// Order sources by channel (adapters/order_sources.h): which source answers a
// lookup, the Amazon MCF fallback for IDs not in a channel's form, and the
// channels a tenant has.
#include "adapters/order_sources.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "tests/support/status_matchers.h"

namespace trackenrich::adapters {
namespace {

using testing::IsOk;
using testing::StatusIs;

// A source that answers nothing: only the routing is under test.
class FakeSource final : public OrderSource {
 public:
  FakeSource(std::string name, std::vector<std::string> tenants, absl::Status recognized)
      : name_(std::move(name)), tenants_(std::move(tenants)), recognized_(std::move(recognized)) {}
  absl::string_view name() const override { return name_; }
  bool Serves(absl::string_view tenant) const override {
    return std::find(tenants_.begin(), tenants_.end(), tenant) != tenants_.end();
  }
  absl::Status Recognize(absl::string_view, absl::string_view order_id) const override {
    return absl::StartsWith(order_id, "#") ? recognized_
                                           : absl::NotFoundError("order_id: not mine");
  }
  void GetOrder(const OrderQuery&, OrderCallback done) override {
    done(absl::UnimplementedError("routing only"));
  }

 private:
  std::string name_;
  std::vector<std::string> tenants_;
  absl::Status recognized_;
};

TEST_CASE("Order sources by channel: routing, MCF fallback and the tenant's channels",
          "[routing]") {
  OrderSourceRegistry empty;
  CHECK_THAT(empty.Resolve({.order_id = "x", .channel = v1::SALES_CHANNEL_SHOPIFY}).status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "none is configured"));

  OrderSourceRegistry sources;
  sources.Add(v1::SALES_CHANNEL_AMAZON,
              std::make_unique<FakeSource>("sp_api", std::vector<std::string>{"acme", "amz"},
                                           absl::OkStatus()));
  sources.Add(v1::SALES_CHANNEL_SHOPIFY,
              std::make_unique<FakeSource>("shopify", std::vector<std::string>{"acme", "shop"},
                                           absl::OkStatus()));
  auto route = [&](std::string tenant, std::string id, v1::SalesChannel channel) {
    return sources.Resolve({.tenant = tenant, .order_id = id, .channel = channel});
  };
  auto amazon = route("acme", "114-3941689-8772232", v1::SALES_CHANNEL_UNSPECIFIED);
  REQUIRE_THAT(amazon.status(), IsOk());
  CHECK(amazon->source->name() == "sp_api");
  CHECK_FALSE(amazon->mcf);
  auto shopify = route("acme", "#1001", v1::SALES_CHANNEL_SHOPIFY);
  REQUIRE_THAT(shopify.status(), IsOk());
  CHECK(shopify->source->name() == "shopify");
  // Not Shopify's form: an MCF fulfillment order at Amazon, as before.
  auto mcf = route("acme", "MCF-1", v1::SALES_CHANNEL_SHOPIFY);
  REQUIRE_THAT(mcf.status(), IsOk());
  CHECK(mcf->source->name() == "sp_api");
  CHECK(mcf->mcf);
  // A tenant without a shop: MCF even for a Shopify-looking ID.
  auto no_shop = route("amz", "#1001", v1::SALES_CHANNEL_SHOPIFY);
  REQUIRE_THAT(no_shop.status(), IsOk());
  CHECK(no_shop->mcf);
  // A shop without an Amazon seller: a non-Shopify ID is refused.
  CHECK_THAT(route("shop", "MCF-1", v1::SALES_CHANNEL_SHOPIFY).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "order_id: "));
  // eBay has no source: MCF at Amazon.
  CHECK(route("acme", "12-34567-89012", v1::SALES_CHANNEL_EBAY)->mcf);
  CHECK(sources.ChannelsFor("acme") ==
        std::vector<v1::SalesChannel>{v1::SALES_CHANNEL_AMAZON, v1::SALES_CHANNEL_SHOPIFY});
  CHECK(sources.ChannelsFor("shop") == std::vector<v1::SalesChannel>{v1::SALES_CHANNEL_SHOPIFY});
  CHECK(sources.CandidateChannels("acme", "#1001") ==
        std::vector<v1::SalesChannel>{v1::SALES_CHANNEL_SHOPIFY});
  CHECK(sources.CandidateChannels("amz", "#1001").empty());
  CHECK(ChannelName(v1::SALES_CHANNEL_SHOPIFY) == "shopify");

  OrderSourceRegistry malformed;
  malformed.Add(v1::SALES_CHANNEL_SHOPIFY,
                std::make_unique<FakeSource>(
                    "shopify", std::vector<std::string>{"acme"},
                    absl::InvalidArgumentError("order_id: '#' is followed by the number")));
  CHECK_THAT(
      malformed.Resolve({.tenant = "acme", .order_id = "#x", .channel = v1::SALES_CHANNEL_SHOPIFY})
          .status(),
      StatusIs(absl::StatusCode::kInvalidArgument, "order_id: '#'"));
  CHECK_THAT(
      malformed.Resolve({.tenant = "other", .order_id = "#1", .channel = v1::SALES_CHANNEL_SHOPIFY})
          .status(),
      StatusIs(absl::StatusCode::kFailedPrecondition, "channel shopify"));
}

}  // namespace
}  // namespace trackenrich::adapters
