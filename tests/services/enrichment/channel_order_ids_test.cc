// Shopify order names in ticket text (five languages), next to Amazon IDs and
// tracking numbers, with the decoys a ticket carries: invoice numbers,
// prices, dates, times, phone numbers, ticket numbers.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "services/enrichment/text_extraction.h"

namespace trackenrich::enrichment {
namespace {

const ExtractionOptions kShopify{.channels = {v1::SALES_CHANNEL_SHOPIFY}};

struct Ticket {
  std::string text;
  std::vector<std::string> order_ids;
};

TEST_CASE("Ticket text: Shopify order names in five languages, decoys left alone",
          "[enrichment][shopify]") {
  const std::vector<Ticket> tickets = {
      {"Hi, where is my order #1042? I paid $59.99 on 12/05/2025.", {"#1042"}},
      {"Order number 1043 has not arrived, invoice 20251105 attached.", {"#1043"}},
      {"Buongiorno, il mio ordine n. 1044 non è ancora arrivato. Fattura 5566 del 03.11.2025.",
       {"#1044"}},
      {"Hallo, meine Bestellung Nr. 1045 ist noch nicht da. Rechnung #77881, Betrag 129,90 EUR.",
       {"#1045"}},
      {"Bonjour, ma commande numéro 1046 n'est pas arrivée. Facture 2025-0042, total 49,90 €.",
       {"#1046"}},
      {"Hola, mi pedido 1047 no ha llegado. Llamé al +34 612 345 678 el 2025-11-02 a las 10:30.",
       {"#1047"}},
      {"Bestellnummer: #1048 (Kundennummer 99887766)", {"#1048"}},
      {"Order 114-3941689-8772232 and also Shopify order #1049", {"114-3941689-8772232", "#1049"}},
      // Decoys only.
      {"Invoice #20251105 for 1299.00 EUR, ticket #4567, paid 2025-11-05 at 14:30.", {}},
      {"I ordered it in March 2024 and paid € 1234.", {}},
      {"Order total: 1299 USD. Call me on 0612 345678.", {}},
      {"Ref 123456, customer 778899, my order will arrive soon", {}},
      {"Tel. 1234 5678, PLZ 10115", {}},
  };
  for (const Ticket& ticket : tickets) {
    INFO(ticket.text);
    const TicketIdentifiers ids = ExtractIdentifiers(ticket.text, kShopify);
    CHECK(ids.order_ids == ticket.order_ids);
    REQUIRE(ids.order_channels.size() == ids.order_ids.size());
    for (size_t i = 0; i < ids.order_ids.size(); ++i) {
      // "#1042" as written is Shopify's; "Bestellung 1045" names no channel.
      const bool hashed = absl::StrContains(ticket.text, ids.order_ids[i]);
      CHECK(ids.order_channels[i] == (ids.order_ids[i][0] != '#' ? v1::SALES_CHANNEL_AMAZON
                                      : hashed                   ? v1::SALES_CHANNEL_SHOPIFY
                                                                 : v1::SALES_CHANNEL_UNSPECIFIED));
    }
  }
}

TEST_CASE("Ticket text: the tenant's own order-name format", "[enrichment][shopify]") {
  ExtractionOptions options = kShopify;
  options.order_name_formats.push_back(
      {.channel = v1::SALES_CHANNEL_SHOPIFY, .prefix = "EU-", .suffix = "-S"});
  const TicketIdentifiers ids =
      ExtractIdentifiers("Where is EU-1050-S? Not EU-1051 nor XEU-1052-S.", options);
  CHECK(ids.order_ids == std::vector<std::string>{"EU-1050-S"});
  // Without the format the name is not read as an order.
  CHECK(ExtractIdentifiers("Where is EU-1050-S?", kShopify).order_ids.empty());
  // Numeric order IDs after an order word stay IDs.
  CHECK(ExtractIdentifiers("order id 5000000001001", kShopify).order_ids ==
        std::vector<std::string>{"5000000001001"});
  // A tenant without Shopify: its names are not looked for at all.
  CHECK(ExtractIdentifiers("Where is my order #1042?").order_ids.empty());
}

TEST_CASE("Ticket text: tracking numbers still found next to Shopify names",
          "[enrichment][shopify]") {
  const TicketIdentifiers ids = ExtractIdentifiers(
      "Order #1053 shipped with UPS 1Z999AA10123456784, tracking please", kShopify);
  CHECK(ids.order_ids == std::vector<std::string>{"#1053"});
  CHECK(ids.tracking_numbers == std::vector<std::string>{"1Z999AA10123456784"});
}

}  // namespace
}  // namespace trackenrich::enrichment
