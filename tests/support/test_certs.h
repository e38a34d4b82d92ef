// Throw-away TLS material made at run time: a CA and server certificates it
// signs, for HTTPS tests against the sandbox, and a client certificate it
// signs, for mutual TLS.
//   TestCertificates certs = MakeTestCertificates("localhost");
//   sandbox options: certs.server_chain_pem / certs.server_key_pem
//   client options:  ca_file = certs.ca_file
#ifndef TRACKENRICH_TESTS_SUPPORT_TEST_CERTS_H_
#define TRACKENRICH_TESTS_SUPPORT_TEST_CERTS_H_

#include <string>

namespace trackenrich::testing {

struct TestCertificates {
  std::string ca_pem;
  // A file holding ca_pem (removed when the process exits).
  std::string ca_file;
  std::string server_chain_pem;
  std::string server_key_pem;
  // A client certificate (extended key usage clientAuth) from the same CA.
  std::string client_chain_pem;
  std::string client_key_pem;
};

// A new CA, a server certificate for DNS name `host` and a client
// certificate, both signed by it.
TestCertificates MakeTestCertificates(const std::string& host);

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_TEST_CERTS_H_
