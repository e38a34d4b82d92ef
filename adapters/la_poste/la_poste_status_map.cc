#include "adapters/la_poste/la_poste_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/crosswalk_names.h"
#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::la_poste {
namespace {

// La Poste's label for each code (developer.laposte.fr, Suivi v2), in French
// as published, with the timeline step in brackets.
constexpr CrosswalkRow kEvents[] = {
    {"DR1", kLabelCreated, kNoReason, "Déclaratif réceptionné (step 1)"},
    {"DR2", kLabelCreated, v1::STATE_REASON_SENDER_ISSUE,
     "Problème lors de la préparation (before La Poste has the item)"},
    {"PC1", kPickedUp, kNoReason, "Pris en charge (step 2)"},
    {"PC2", kPickedUp, kNoReason, "Pris en charge dans le pays d'expédition (step 2)"},
    {"ET1", kInTransit, kNoReason, "En cours de traitement (step 3)"},
    {"ET2", kInTransit, kNoReason, "En cours de traitement dans le pays d'expédition (step 3)"},
    {"ET3", kInTransit, kNoReason, "En cours de traitement dans le pays de destination (step 3)"},
    {"ET4", kInTransit, kNoReason, "En cours de traitement dans un pays de transit (step 3)"},
    {"EP1", kInTransit, kNoReason, "En attente de présentation (step 3)"},
    {"DO1", kInTransit, kCustoms, "Entrée en douane (step 3)"},
    {"DO2", kInTransit, kNoReason, "Sortie de douane (step 3)"},
    {"DO3", kException, kCustoms, "Retenu en douane (step 3)"},
    {"PB1", kException, kOtherReason, "Problème en cours (step 3; reason from the label)"},
    {"PB2", kInTransit, kNoReason, "Problème résolu (step 3)"},
    {"MD2", kOutForDelivery, kNoReason, "Mis en distribution (step 4)"},
    {"ND1", kAttempted, kNoReason, "Non distribuable (step 4; reason from the label)"},
    {"AG1", kForPickup, kHeldForPickup, "En attente d'être retiré au guichet (step 4)"},
    {"RE1", kReturning, kReturnToSender, "Retourné à l'expéditeur (step 4)"},
    {"DI0", kDelivered, kNoReason, "Distribué en lot (step 5)"},
    {"DI1", kDelivered, kNoReason, "Distribué (step 5)"},
    {"DI2", kReturned, kReturnToSender, "Distribué à l'expéditeur (step 5: back with the sender)"},
    {"DI3", kDelayed, kCarrierDelay, "Retardé"},
    {"ID0", kInTransit, kCustoms, "Informations douane"},
};

// French words for the reasons ReasonFromText reads in English (the API
// answers in French unless asked otherwise); first match wins.
struct FrenchReason {
  absl::string_view word;
  v1::StateReason reason;
};
constexpr FrenchReason kFrenchReasons[] = {
    {"adresse", v1::STATE_REASON_ADDRESS_ISSUE}, {"absen", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"refus", v1::STATE_REASON_REFUSED},         {"endommag", v1::STATE_REASON_DAMAGED},
    {"abîm", v1::STATE_REASON_DAMAGED},          {"accès", v1::STATE_REASON_ACCESS_RESTRICTED},
    {"fermé", v1::STATE_REASON_BUSINESS_CLOSED}, {"douane", v1::STATE_REASON_CUSTOMS},
};

v1::StateReason ReasonFromLabel(absl::string_view label) {
  const v1::StateReason english = ReasonFromText(label);
  if (english != v1::STATE_REASON_UNSPECIFIED) return english;
  // Lower-casing ASCII only leaves "é" and "î" as they are, as the table has them.
  const std::string lower = absl::AsciiStrToLower(label);
  for (const FrenchReason& entry : kFrenchReasons) {
    if (absl::StrContains(lower, entry.word)) return entry.reason;
  }
  return v1::STATE_REASON_UNSPECIFIED;
}

}  // namespace

const Crosswalk& LaPosteEventCrosswalk() {
  static const Crosswalk kTable{
      "La Poste", "shipment.event[].code (Suivi v2)",
      "La Poste developer portal, API Suivi v2, event codes "
      "(https://developer.laposte.fr/catalog-apis/suivi@2; as reproduced in "
      "rigwild/suivi-poste index.ts and the 23-code lists of later clients)",
      kEvents};
  return kTable;
}

LaPosteStatus MapLaPosteEvent(absl::string_view code, absl::string_view label) {
  const std::string key = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));
  const CrosswalkRow* row = LaPosteEventCrosswalk().Find(key);
  if (row == nullptr) return {v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED};
  LaPosteStatus mapped{row->state, row->reason};
  if (key == "ND1" || key == "PB1") {
    const v1::StateReason reason = ReasonFromLabel(label);
    if (reason != v1::STATE_REASON_UNSPECIFIED) mapped.reason = reason;
  }
  return mapped;
}

v1::ShipmentState LaPosteStepState(int step) {
  switch (step) {
    case 1:
      return v1::SHIPMENT_STATE_LABEL_CREATED;
    case 2:
      return v1::SHIPMENT_STATE_PICKED_UP;
    case 3:
      return v1::SHIPMENT_STATE_IN_TRANSIT;
    case 4:
    case 5:
      return v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
    default:
      return v1::SHIPMENT_STATE_UNSPECIFIED;
  }
}

}  // namespace trackenrich::adapters::la_poste
