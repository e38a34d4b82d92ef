// eBay order IDs in ticket text: the IDs in five languages, and the decoys
// of the same 2-5-5 shape or near it (invoice, phone, customer and tracking
// numbers, dates, prices, Amazon IDs) left alone.
#include "services/enrichment/ebay_order_ids.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace trackenrich::enrichment {
namespace {

std::vector<std::string> Found(const std::string& text) {
  std::vector<FoundOrderId> found;
  FindEbayOrderIds(text, found);
  std::vector<std::string> ids;
  for (const FoundOrderId& id : found) {
    CHECK(id.channel == v1::SALES_CHANNEL_EBAY);
    CHECK(text.substr(id.begin, id.end - id.begin) == id.order_id);
    ids.push_back(id.order_id);
  }
  return ids;
}

TEST_CASE("eBay order IDs in ticket text, in five languages", "[ebay][extraction]") {
  const std::vector<std::string> want = {"12-34567-89012"};
  for (const char* text :
       {"Where is my eBay order 12-34567-89012?", "Order #12-34567-89012 has not arrived",
        "12-34567-89012", "Il mio ordine eBay n. 12-34567-89012 non è arrivato",
        "Meine eBay-Bestellung (12-34567-89012) ist nicht angekommen.",
        "Ma commande eBay n° 12-34567-89012 n'est pas arrivée",
        "Mi pedido de eBay 12-34567-89012 no ha llegado.",
        "Bestellnummer: 12-34567-89012\nRechnung: 21-55501-00001",
        "Invoice 21-55501-00001 for order 12-34567-89012"}) {
    CAPTURE(text);
    CHECK(Found(text) == want);
  }
  CHECK(Found("orders 12-34567-89012 and 21-55501-00001") ==
        std::vector<std::string>{"12-34567-89012", "21-55501-00001"});
}

TEST_CASE("eBay order IDs: decoys of the same shape or near it are left alone",
          "[ebay][extraction]") {
  for (const char* text : {
           "Invoice 12-34567-89012",
           "Rechnung Nr. 12-34567-89012",
           "Fattura n. 12-34567-89012",
           "Facture 12-34567-89012",
           "Factura número 12-34567-89012",
           "Tel. 06-12345-67890",
           "call me: +39 06-12345-67890",
           "+3906-12345-67890",
           "Kundennummer 12-34567-89012",
           "tracking 12-34567-89012",
           "Amazon order 112-3456789-0123456",
           "on 2024-05-12 at 12:30",
           "paid 12.345,67 EUR",
           "ref 12-34567-89012",
           "12-34567-890123",
           "112-34567-89012",
           "12-34567-89012-1",
           "A12-34567-89012",
           "12-34567-89012.5",
           "12-3456-89012",
       }) {
    CAPTURE(text);
    CHECK(Found(text).empty());
  }
}

TEST_CASE("eBay order IDs: a span another finder took is skipped", "[ebay][extraction]") {
  std::vector<FoundOrderId> found = {
      {.order_id = "#X", .channel = v1::SALES_CHANNEL_SHOPIFY, .begin = 6, .end = 20}};
  FindEbayOrderIds("order 12-34567-89012", found);
  CHECK(found.size() == 1);
}

}  // namespace
}  // namespace trackenrich::enrichment
