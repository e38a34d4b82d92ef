#include "tests/support/test_certs.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

namespace trackenrich::testing {
namespace {

EVP_PKEY* NewKey() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (key == nullptr) throw std::runtime_error("EC key generation failed");
  return key;
}

void AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  if (extension == nullptr) throw std::runtime_error("bad X509 extension");
  X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
}

X509* NewCertificate(EVP_PKEY* key, const std::string& common_name, X509* issuer,
                     EVP_PKEY* issuer_key, long serial, const char* usage = "serverAuth") {
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(cert, issuer == nullptr ? name : X509_get_subject_name(issuer));
  X509* signer = issuer == nullptr ? cert : issuer;
  if (issuer == nullptr) {
    AddExtension(cert, signer, NID_basic_constraints, "critical,CA:TRUE");
    AddExtension(cert, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    AddExtension(cert, signer, NID_basic_constraints, "critical,CA:FALSE");
    AddExtension(cert, signer, NID_subject_alt_name, ("DNS:" + common_name).c_str());
    AddExtension(cert, signer, NID_ext_key_usage, usage);
  }
  X509_sign(cert, issuer_key == nullptr ? key : issuer_key, EVP_sha256());
  return cert;
}

std::string CertPem(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(bio);
  return pem;
}

std::string KeyPem(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(bio);
  return pem;
}

}  // namespace

TestCertificates MakeTestCertificates(const std::string& host) {
  static long serial = 1;
  EVP_PKEY* ca_key = NewKey();
  X509* ca = NewCertificate(ca_key, "trackenrich test CA", nullptr, nullptr, serial++);
  EVP_PKEY* server_key = NewKey();
  X509* server = NewCertificate(server_key, host, ca, ca_key, serial++);
  EVP_PKEY* client_key = NewKey();
  X509* client =
      NewCertificate(client_key, "trackenrich-test-client", ca, ca_key, serial++, "clientAuth");

  TestCertificates certs;
  certs.ca_pem = CertPem(ca);
  certs.server_chain_pem = CertPem(server);
  certs.server_key_pem = KeyPem(server_key);
  certs.client_chain_pem = CertPem(client);
  certs.client_key_pem = KeyPem(client_key);
  char path[] = "/tmp/trackenrich-test-ca-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  std::ofstream(path) << certs.ca_pem;
  certs.ca_file = path;
  static std::vector<std::string>* to_remove = [] {
    auto* files = new std::vector<std::string>();
    std::atexit([] {
      for (const auto& file : *to_remove) std::remove(file.c_str());
    });
    return files;
  }();
  to_remove->push_back(certs.ca_file);

  X509_free(client);
  EVP_PKEY_free(client_key);
  X509_free(server);
  EVP_PKEY_free(server_key);
  X509_free(ca);
  EVP_PKEY_free(ca_key);
  return certs;
}

}  // namespace trackenrich::testing
