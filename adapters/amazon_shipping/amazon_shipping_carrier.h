// The Amazon Shipping carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// Amazon Shipping: carriers.amazon_shipping {base_url, lwa_url, client_id, client_secret,
// refresh_token, carrier_id, business_id} (Login with Amazon refresh token).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_CARRIER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::amazon_shipping {

const CarrierDescriptor& AmazonShippingCarrier();

}  // namespace trackenrich::adapters::amazon_shipping

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_CARRIER_H_
