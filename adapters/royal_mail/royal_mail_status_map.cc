#include "adapters/royal_mail/royal_mail_status_map.h"

#include <string>

#include "absl/strings/ascii.h"

namespace trackenrich::adapters::royal_mail {
namespace {

using v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
using v1::SHIPMENT_STATE_DELAYED;
using v1::SHIPMENT_STATE_DELIVERED;
using v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
using v1::SHIPMENT_STATE_IN_TRANSIT;
using v1::SHIPMENT_STATE_LABEL_CREATED;
using v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
using v1::SHIPMENT_STATE_PICKED_UP;
using v1::SHIPMENT_STATE_RETURNED;
using v1::SHIPMENT_STATE_RETURNING;

constexpr CrosswalkRow kEventCodes[] = {
    // Before Royal Mail has the item.
    {"EVAIE", SHIPMENT_STATE_LABEL_CREATED, {}, "Sender despatching item"},
    {"EVAIP",
     SHIPMENT_STATE_LABEL_CREATED,
     {},
     "The sender has advised they've despatched the item"},
    // Accepted.
    {"EVOCO", SHIPMENT_STATE_PICKED_UP, {}, "Received and being processed for delivery"},
    {"EVPPA", SHIPMENT_STATE_PICKED_UP, {}, "Accepted at a Post Office or parcelshop"},
    // In the network.
    {"EVBAH", SHIPMENT_STATE_IN_TRANSIT, {}, "At the National Parcel Hub and on its way"},
    {"EVBAV", SHIPMENT_STATE_IN_TRANSIT, {}, "Item received"},
    {"EVDAC", SHIPMENT_STATE_IN_TRANSIT, {}, "At a mail centre and on its way"},
    {"EVDAV", SHIPMENT_STATE_IN_TRANSIT, {}, "At a mail centre and on its way"},
    {"EVIAV",
     SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Reached a mail centre, to be sent to the local delivery office"},
    {"EVIMC",
     SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Reached a mail centre, to be sent to the local delivery office"},
    {"EVOAC", SHIPMENT_STATE_IN_TRANSIT, {}, "Item received at a Royal Mail site"},
    {"EVODO",
     SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Item despatched to the delivery office or mail centre"},
    {"EVORI", SHIPMENT_STATE_IN_TRANSIT, {}, "Arrived at a Royal Mail site"},
    {"EVNSR", SHIPMENT_STATE_IN_TRANSIT, {}, "Item prepared for redelivery"},
    {"EVGMI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED,
     "Went to a delivery office in error and was re-routed"},
    {"EVIPI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED,
     "Went to a mail centre in error and was re-routed"},
    {"EVNMI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED,
     "Forwarded - mis-sort: went to a delivery office in error and was re-routed"},
    // Redelivery the recipient booked online.
    {"ASRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested, to the chosen Safeplace if no one is in"},
    {"RFRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested, to the chosen neighbour if no one is in"},
    {"RNRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested to a chosen address"},
    {"RORXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested"},
    {"RPRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested to a chosen Post Office"},
    {"RSRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Redelivery requested, to the chosen Safeplace if no one is in"},
    // Delivery day.
    {"EVGPD",
     SHIPMENT_STATE_OUT_FOR_DELIVERY,
     {},
     "Received by the delivery office, due for delivery today"},
    // Held back.
    {"EVNAR", SHIPMENT_STATE_DELAYED, {}, "Due for redelivery the next working day"},
    {"EVNKS", SHIPMENT_STATE_DELAYED, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Held at the delivery office under the Keepsafe service"},
    {"EVNRT", SHIPMENT_STATE_DELAYED, v1::STATE_REASON_ACCESS_RESTRICTED,
     "Item retention: held at the delivery office, a request not to deliver to the property today"},
    // Not delivered.
    {"EVKAA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED,
     "Address inaccessible, delivery again the next working day"},
    {"EVNAA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED,
     "Address inaccessible, delivery again the next working day"},
    {"EVKNA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Delivery attempted - no answer"},
    {"EVNDA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Delivery attempted, no one in; available for redelivery or collection"},
    {"EVKNR", SHIPMENT_STATE_DELIVERY_ATTEMPTED, {}, "Delivery attempted"},
    {"EVNDN", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_OTHER,
     "Unable to deliver, delivery again the next working day"},
    {"EVKSU", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_OTHER,
     "Unable to deliver to the nominated Safeplace"},
    // Going back to the sender.
    {"EVKAI", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE,
     "Delivery address could not be identified, returning to the sender"},
    {"EVKGA", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE,
     "Recipient no longer at the address, returning to the sender"},
    {"EVNGA", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE,
     "Recipient no longer at the address, returning to the sender"},
    {"EVKRF", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Refused by the recipient, returning to the sender"},
    {"EVNRF", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Refused by the recipient, returning to the sender"},
    {"EVRTS", SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER,
     "Delivered back to the sender"},
    // Waiting to be collected.
    {"EVKLC", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Delivered to the nominated collection point, ready to collect"},
    {"EVKLS", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Delivered to the collection point"},
    {"EVPLA", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Available for collection"},
    // Delivered, or collected by the recipient.
    {"EVKDN", SHIPMENT_STATE_DELIVERED, {}, "Delivered to a neighbour"},
    {"EVKOP", SHIPMENT_STATE_DELIVERED, {}, "Delivered"},
    {"EVKSF", SHIPMENT_STATE_DELIVERED, {}, "Delivered to the Safeplace"},
    {"EVKSP", SHIPMENT_STATE_DELIVERED, {}, "Delivered and signed for"},
    {"EVNOC", SHIPMENT_STATE_DELIVERED, {}, "Collected from the delivery office"},
    {"EVPLC", SHIPMENT_STATE_DELIVERED, {}, "Collected by the customer from a Post Office"},
};

}  // namespace

const Crosswalk& RoyalMailEventCrosswalk() {
  static const Crosswalk kTable{
      "Royal Mail", "events[].eventCode and summary.lastEventCode (Tracking API v2)",
      "Royal Mail tracking event codes and their texts (Tracking API V2 (REST) Technical User "
      "Guide examples; code lists in elliotjreed/royal-mail-tracking README and "
      "jampez77/RoyalMail api.md)",
      kEventCodes};
  return kTable;
}

RoyalMailStatus MapRoyalMailEvent(absl::string_view event_code) {
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(event_code));
  if (code.empty()) return {};
  const CrosswalkRow* row = RoyalMailEventCrosswalk().Find(code);
  if (row == nullptr) return {v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED};
  return {row->state, row->reason};
}

}  // namespace trackenrich::adapters::royal_mail
