// Input validation for every RPC. Each check returns INVALID_ARGUMENT with a
// message that starts with the offending field's path, e.g.
// "requests[2].shipment.tracking_number: at most 40 characters (got 57)".
// Nothing reaches an upstream until its request passes.
//
//   absl::StatusOr<std::string> number =
//       ValidateTrackingNumber("shipment.tracking_number", request.shipment().tracking_number());
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
// of letters, digits and "-_#.".
absl::Status ValidateOrderId(absl::string_view field, absl::string_view order_id,
                             v1::SalesChannel channel);

absl::Status ValidateTrackShipment(absl::string_view prefix,
                                   const v1::TrackShipmentRequest& request);
absl::Status ValidateGetOrderTracking(absl::string_view prefix,
                                      const v1::GetOrderTrackingRequest& request);
absl::Status ValidateBatchTrackShipments(const v1::BatchTrackShipmentsRequest& request);
absl::Status ValidateBatchGetOrderTracking(const v1::BatchGetOrderTrackingRequest& request);
absl::Status ValidateEnrichTicket(const v1::EnrichTicketRequest& request);
absl::Status ValidateDetectCarrier(const v1::DetectCarrierRequest& request);
absl::Status ValidateRenderReply(const v1::RenderReplyRequest& request);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_VALIDATION_REQUEST_VALIDATION_H_
