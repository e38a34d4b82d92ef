// La Poste's event-code crosswalk against La Poste's own list: the event
// codes of the API Suivi v2 (developer.laposte.fr/catalog-apis/suivi@2; the
// 19 codes with their timeline step as rigwild/suivi-poste index.ts
// reproduces them, plus DR2, DI0, DI3 and ID0 of the later list).
#include <catch2/catch.hpp>

#include "adapters/common/crosswalk_names.h"
#include "adapters/la_poste/la_poste_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::la_poste {
namespace {

using testing::CheckCrosswalkIs;
using testing::ExpectedCode;

constexpr ExpectedCode kPublished[] = {
    // Step 1: the sender's data; La Poste does not have the item yet.
    {"DR1", kLabelCreated, kNoReason},                      // Déclaratif réceptionné
    {"DR2", kLabelCreated, v1::STATE_REASON_SENDER_ISSUE},  // Problème lors de la préparation
    // Step 2.
    {"PC1", kPickedUp, kNoReason},  // Pris en charge
    {"PC2", kPickedUp, kNoReason},  // Pris en charge dans le pays d'expédition
    // Step 3.
    {"ET1", kInTransit, kNoReason},     // En cours de traitement
    {"ET2", kInTransit, kNoReason},     // ... dans le pays d'expédition
    {"ET3", kInTransit, kNoReason},     // ... dans le pays de destination
    {"ET4", kInTransit, kNoReason},     // ... dans un pays de transit
    {"EP1", kInTransit, kNoReason},     // En attente de présentation
    {"DO1", kInTransit, kCustoms},      // Entrée en douane
    {"DO2", kInTransit, kNoReason},     // Sortie de douane
    {"DO3", kException, kCustoms},      // Retenu en douane
    {"PB1", kException, kOtherReason},  // Problème en cours
    {"PB2", kInTransit, kNoReason},     // Problème résolu
    // Step 4.
    {"MD2", kOutForDelivery, kNoReason},   // Mis en distribution
    {"ND1", kAttempted, kNoReason},        // Non distribuable
    {"AG1", kForPickup, kHeldForPickup},   // En attente d'être retiré au guichet
    {"RE1", kReturning, kReturnToSender},  // Retourné à l'expéditeur
    // Step 5.
    {"DI0", kDelivered, kNoReason},  // Distribué en lot
    {"DI1", kDelivered, kNoReason},  // Distribué
    // Back with the sender: never DELIVERED.
    {"DI2", kReturned, kReturnToSender},  // Distribué à l'expéditeur
    {"DI3", kDelayed, kCarrierDelay},     // Retardé
    {"ID0", kInTransit, kCustoms},        // Informations douane
};

TEST_CASE("La Poste crosswalk: every published event code, and only those",
          "[la_poste][crosswalk]") {
  CheckCrosswalkIs(LaPosteEventCrosswalk(), kPublished, "developer.laposte.fr");
}

TEST_CASE(
    "La Poste crosswalk: MapLaPosteEvent answers each code's row when the label adds "
    "nothing",
    "[la_poste][crosswalk]") {
  for (const ExpectedCode& code : kPublished) {
    INFO(code.code);
    const LaPosteStatus mapped = MapLaPosteEvent(code.code, "");
    CHECK(mapped.state == code.state);
    CHECK(mapped.reason == code.reason);
  }
  // Case and blanks around the code do not matter.
  CHECK(MapLaPosteEvent(" di1 ", "").state == kDelivered);
}

TEST_CASE("La Poste crosswalk: a failed delivery or a problem takes its reason from the label",
          "[la_poste][crosswalk]") {
  struct Case {
    const char* code;
    const char* label;
    v1::StateReason reason;
  };
  const Case cases[] = {
      {"ND1", "The recipient was absent at the time of delivery.",
       v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"ND1", "Votre colis n'a pas pu être livré : l'adresse est incomplète.",
       v1::STATE_REASON_ADDRESS_ISSUE},
      {"ND1", "Le destinataire était absent lors de la livraison.",
       v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"ND1", "Le colis a été refusé par le destinataire.", v1::STATE_REASON_REFUSED},
      {"ND1", "Votre colis n'a pas pu être livré.", v1::STATE_REASON_UNSPECIFIED},
      {"PB1", "Votre colis est endommagé.", v1::STATE_REASON_DAMAGED},
      {"PB1", "Un problème est en cours sur votre colis.", v1::STATE_REASON_OTHER},
  };
  for (const Case& c : cases) {
    INFO(c.code << " " << c.label);
    CHECK(MapLaPosteEvent(c.code, c.label).reason == c.reason);
  }
  // Only ND1 and PB1 read the label: a delivered code stays delivered whatever it says.
  CHECK(MapLaPosteEvent("DI1", "Le destinataire était absent").reason == kNoReason);
}

TEST_CASE("La Poste crosswalk: an unpublished code is in transit, never delivered",
          "[la_poste][crosswalk]") {
  for (const char* code : {"DI9", "XX1", "", "di"}) {
    INFO(code);
    const LaPosteStatus mapped = MapLaPosteEvent(code, "Votre colis est livré / delivered");
    CHECK(mapped.state == kInTransit);
    CHECK(mapped.reason == kNoReason);
  }
}

TEST_CASE("La Poste timeline steps stand for a state only without events, never delivered",
          "[la_poste][crosswalk]") {
  CHECK(LaPosteStepState(1) == kLabelCreated);
  CHECK(LaPosteStepState(2) == kPickedUp);
  CHECK(LaPosteStepState(3) == kInTransit);
  CHECK(LaPosteStepState(4) == kOutForDelivery);
  CHECK(LaPosteStepState(5) == kOutForDelivery);
  CHECK(LaPosteStepState(0) == v1::SHIPMENT_STATE_UNSPECIFIED);
  CHECK(LaPosteStepState(6) == v1::SHIPMENT_STATE_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::la_poste
