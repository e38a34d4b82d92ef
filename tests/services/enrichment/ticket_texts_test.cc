// Ticket-text extraction and the "not received" claim on the project's own
// tickets (tests/data/enrichment/ticket_texts.json: 75 tickets in en, it, de,
// fr and es with decoys, 25 of them with short all-digit numbers that only
// the words before them make tracking numbers), reporting precision and
// recall; both must be 100%.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "boost/json.hpp"

#include "services/enrichment/buyer_claims.h"
#include "services/enrichment/text_extraction.h"
#include "tests/support/test_data.h"

namespace trackenrich::enrichment {
namespace {

namespace json = boost::json;

struct Ticket {
  std::string id;
  std::string language;
  std::string text;
  std::vector<std::string> order_ids;
  std::vector<std::string> tracking_numbers;
  bool not_received;
  // The carrier the context gives each tracking number ("CARRIER_DHL"), for
  // tickets that list them.
  std::optional<std::vector<std::string>> tracking_carriers;
};

std::vector<std::string> Strings(const json::value& value) {
  std::vector<std::string> out;
  for (const auto& item : value.as_array()) out.emplace_back(item.as_string());
  return out;
}

std::vector<Ticket> LoadTickets() {
  const json::value root = json::parse(::trackenrich::testing::ReadFile(
      ::trackenrich::testing::TestData("enrichment/ticket_texts.json")));
  std::vector<Ticket> tickets;
  for (const auto& item : root.at("tickets").as_array()) {
    const json::object& ticket = item.as_object();
    tickets.push_back({std::string(ticket.at("id").as_string()),
                       std::string(ticket.at("language").as_string()),
                       absl::StrCat(std::string(ticket.at("subject").as_string()), "\n",
                                    std::string(ticket.at("body").as_string())),
                       Strings(ticket.at("order_ids")), Strings(ticket.at("tracking_numbers")),
                       ticket.at("not_received").as_bool()});
    if (const json::value* carriers = ticket.if_contains("tracking_carriers")) {
      tickets.back().tracking_carriers = Strings(*carriers);
    }
  }
  return tickets;
}

struct Score {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;

  void Add(const std::vector<std::string>& expected, const std::vector<std::string>& found) {
    const std::set<std::string> want(expected.begin(), expected.end());
    const std::set<std::string> got(found.begin(), found.end());
    for (const auto& item : got) (want.contains(item) ? true_positives : false_positives)++;
    for (const auto& item : want) false_negatives += got.contains(item) ? 0 : 1;
  }
  double Precision() const {
    const int found = true_positives + false_positives;
    return found == 0 ? 1.0 : static_cast<double>(true_positives) / found;
  }
  double Recall() const {
    const int expected = true_positives + false_negatives;
    return expected == 0 ? 1.0 : static_cast<double>(true_positives) / expected;
  }
  std::string Report(const char* what) const {
    return absl::StrFormat(
        "%s: precision %.1f%%, recall %.1f%% (%d found right, %d wrong, %d missed)", what,
        100 * Precision(), 100 * Recall(), true_positives, false_positives, false_negatives);
  }
};

TEST_CASE("ticket texts: order IDs and tracking numbers at 100% precision and recall",
          "[enrichment]") {
  const std::vector<Ticket> tickets = LoadTickets();
  REQUIRE(tickets.size() >= 40);
  std::set<std::string> languages;
  Score orders;
  Score tracking;
  Score in_context;
  int context_tickets = 0;
  for (const Ticket& ticket : tickets) {
    INFO(ticket.id << ": " << ticket.text);
    languages.insert(ticket.language);
    const TicketIdentifiers ids = ExtractIdentifiers(ticket.text);
    CHECK(ids.order_ids == ticket.order_ids);
    CHECK(ids.tracking_numbers == ticket.tracking_numbers);
    REQUIRE(ids.tracking_carriers.size() == ids.tracking_numbers.size());
    orders.Add(ticket.order_ids, ids.order_ids);
    tracking.Add(ticket.tracking_numbers, ids.tracking_numbers);
    if (ticket.tracking_carriers.has_value()) {
      ++context_tickets;
      std::vector<std::string> carriers;
      for (v1::Carrier carrier : ids.tracking_carriers) {
        carriers.push_back(v1::Carrier_Name(carrier));
      }
      CHECK(carriers == *ticket.tracking_carriers);
      in_context.Add(ticket.tracking_numbers, ids.tracking_numbers);
    }
  }
  WARN(orders.Report("order IDs"));
  WARN(tracking.Report("tracking numbers"));
  WARN(in_context.Report("short all-digit numbers in context (decoys beside them)"));
  CHECK(languages == std::set<std::string>{"de", "en", "es", "fr", "it"});
  CHECK(orders.Precision() == 1.0);
  CHECK(orders.Recall() == 1.0);
  CHECK(tracking.Precision() == 1.0);
  CHECK(tracking.Recall() == 1.0);
  CHECK(in_context.Precision() == 1.0);
  CHECK(in_context.Recall() == 1.0);
  CHECK(context_tickets >= 20);
  CHECK(in_context.true_positives >= 20);
  // The set is meant to exercise both kinds a lot.
  CHECK(orders.true_positives >= 25);
  CHECK(tracking.true_positives >= 30);
}

TEST_CASE("ticket texts: digits written as a phone number are not tracking numbers",
          "[enrichment]") {
  // Each of these passes the FedEx Express check digit when read as 12 digits.
  CHECK(ExtractIdentifiers("Richiamatemi al +39 06 6982 1234").tracking_numbers.empty());
  CHECK(ExtractIdentifiers("Handy 0151 23456787").tracking_numbers.empty());
  CHECK(ExtractIdentifiers("Tél. : +33 6 12 34 56 78 3").tracking_numbers.empty());
  CHECK(ExtractIdentifiers("Mi teléfono: 336 123 456 783").tracking_numbers.empty());
  // The same digits without a phone cue are a FedEx number.
  CHECK(ExtractIdentifiers("FedEx 3361 2345 6783").tracking_numbers ==
        std::vector<std::string>{"336123456783"});
}

TEST_CASE("ticket texts: a DHL Express number is taken after a carrier or tracking word only",
          "[enrichment]") {
  // 147534785 mod 7 = 6: a valid DHL Express number.
  constexpr char kDhl[] = "1475347856";
  for (const char* prefix : {"DHL tracking ", "Sendungsnummer: ", "numero di spedizione ",
                             "numéro de suivi ", "número de seguimiento ", "Ihre DHL Sendung ",
                             "DHL Express AWB no. ", "il mio numero di spedizione è "}) {
    INFO(prefix);
    const TicketIdentifiers ids = ExtractIdentifiers(absl::StrCat("Hallo, ", prefix, kDhl, "."));
    REQUIRE(ids.tracking_numbers == std::vector<std::string>{kDhl});
    CHECK(ids.tracking_carriers == std::vector<v1::Carrier>{v1::CARRIER_DHL});
  }
  // Printed in groups, as DHL labels do.
  CHECK(ExtractIdentifiers("DHL Waybill 14 7534 7856").tracking_numbers ==
        std::vector<std::string>{kDhl});
  for (const char* text :
       {"1475347856", "Rechnung 1475347856", "invoice no. 1475347856", "Kundennummer: 1475347856",
        "Phone 1475347856", "DHL invoice 1475347856", "numero d'ordine 1475347856",
        "Sendungsnummer und Telefon 1475347856", "DHL tracking\n1475347856",
        "Sendungsnummer 1475347857", "GLS 1475347856",
        "I wrote to DHL about it last week and my account is 1475347856"}) {
    INFO(text);
    CHECK(ExtractIdentifiers(text).tracking_numbers.empty());
  }
  // A number detection routes by itself keeps CARRIER_UNSPECIFIED.
  const TicketIdentifiers ups = ExtractIdentifiers("tracking 1Z4F8W170342185630");
  CHECK(ups.tracking_carriers == std::vector<v1::Carrier>{v1::CARRIER_UNSPECIFIED});
}

TEST_CASE("ticket texts: the buyer says it never arrived, in five languages", "[enrichment]") {
  Score claims;
  for (const Ticket& ticket : LoadTickets()) {
    INFO(ticket.id << ": " << ticket.text);
    const bool detected = ReportsNotReceived(ticket.text);
    CHECK(detected == ticket.not_received);
    claims.Add(
        ticket.not_received ? std::vector<std::string>{ticket.id} : std::vector<std::string>{},
        detected ? std::vector<std::string>{ticket.id} : std::vector<std::string>{});
  }
  WARN(claims.Report("not-received claims"));
  CHECK(claims.Precision() == 1.0);
  CHECK(claims.Recall() == 1.0);
  CHECK(claims.true_positives >= 10);

  CHECK(ReportsNotReceived("It says delivered but I haven't received it"));
  CHECK(ReportsNotReceived("Das Paket ist nie angekommen"));
  CHECK(ReportsNotReceived("Je n’ai pas reçu mon colis"));
  CHECK_FALSE(ReportsNotReceived("Thanks, the parcel arrived today"));
  CHECK_FALSE(ReportsNotReceived("Il pacco è arrivato, grazie"));
  CHECK_FALSE(ReportsNotReceived("¿Cuándo llegará mi pedido?"));
}

}  // namespace
}  // namespace trackenrich::enrichment
