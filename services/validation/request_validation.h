// Input validation for every RPC. Each check returns INVALID_ARGUMENT with a
// message that starts with the offending field's path, e.g.
// "requests[2].shipment.tracking_number: at most 40 characters (got 57)".
// Nothing reaches an upstream until its request passes.
//
//   absl::StatusOr<std::string> number =
//       ValidateTrackingNumber("shipment.tracking_number", request.shipment().tracking_number());
//
// Batches are checked in two steps: the batch itself (empty, too many items),
// which fails the whole call, then each item, whose problem becomes that
// item's LookupError while the other items are looked up:
//
//   if (auto status = ValidateBatchTrackShipments(batch); !status.ok()) return status;
//   for (int i = 0; i < batch.requests_size(); ++i) {
//     absl::StatusOr<std::string> number = ValidateBatchTrackItem(i, batch.requests(i));
//     // !number.ok(): "requests[3].shipment.tracking_number: only letters, ..."
//   }
#ifndef TRACKENRICH_SERVICES_VALIDATION_REQUEST_VALIDATION_H_
#define TRACKENRICH_SERVICES_VALIDATION_REQUEST_VALIDATION_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::server {

inline constexpr size_t kMaxTrackingNumberLength = 40;
inline constexpr int kMaxBatchTrackShipments = 100;
inline constexpr int kMaxBatchOrders = 50;
inline constexpr size_t kMaxTicketSubjectBytes = 1024;
inline constexpr size_t kMaxTicketBodyBytes = 64 * 1024;

// Returns the normalized number (upper case, no spaces or dashes).
absl::StatusOr<std::string> ValidateTrackingNumber(absl::string_view field, absl::string_view raw);

// Amazon order IDs are 3-7-7 digits; other channels allow 1-64 characters
// of letters, digits and "-_#.". Shopify also takes a gid
// (gid://shopify/Order/<digits>) and refuses a "#" without the number after
// it and a number of more than 19 digits.
absl::Status ValidateOrderId(absl::string_view field, absl::string_view order_id,
                             v1::SalesChannel channel);

absl::Status ValidateTrackShipment(absl::string_view prefix,
                                   const v1::TrackShipmentRequest& request);
absl::Status ValidateGetOrderTracking(absl::string_view prefix,
                                      const v1::GetOrderTrackingRequest& request);
// The batch itself: INVALID_ARGUMENT naming "requests" when it is empty or
// has more than kMaxBatchTrackShipments items. Items are not looked at.
absl::Status ValidateBatchTrackShipments(const v1::BatchTrackShipmentsRequest& request);
// Item `index` of a batch: its normalized tracking number, or INVALID_ARGUMENT
// naming "requests[index]. ...".
absl::StatusOr<std::string> ValidateBatchTrackItem(int index, const v1::TrackShipmentRequest& item);
// The batch itself: INVALID_ARGUMENT naming "requests" when it is empty or
// has more than kMaxBatchOrders items. Items are not looked at.
absl::Status ValidateBatchGetOrderTracking(const v1::BatchGetOrderTrackingRequest& request);
// Item `index` of a batch: INVALID_ARGUMENT naming "requests[index]. ...".
absl::Status ValidateBatchOrderItem(int index, const v1::GetOrderTrackingRequest& item);

// A refused item's tracking number or order ID as the subject of its
// LookupError: as given when it is at most 64 printable ASCII characters,
// else "" (the message names the field; huge or binary input is not echoed).
std::string EchoableSubject(absl::string_view raw);
absl::Status ValidateEnrichTicket(const v1::EnrichTicketRequest& request);
absl::Status ValidateDetectCarrier(const v1::DetectCarrierRequest& request);
absl::Status ValidateRenderReply(const v1::RenderReplyRequest& request);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_VALIDATION_REQUEST_VALIDATION_H_
