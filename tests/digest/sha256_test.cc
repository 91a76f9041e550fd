#include "digest/sha256.h"

#include <Poco/Exception.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include <fstream>

BOOST_AUTO_TEST_SUITE(sha256)

BOOST_AUTO_TEST_CASE(digests_match_the_published_test_vectors_whatever_the_pieces) {
  digest::Sha256 empty;
  BOOST_TEST(empty.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  digest::Sha256 abc;
  abc.update("a");
  abc.update("bc");
  BOOST_TEST(abc.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(a_file_larger_than_the_read_buffer_is_hashed_whole_and_counted) {
  Poco::TemporaryFile file;
  const std::string text(3u << 20, 'a');  // three reads of 1 MiB
  std::ofstream(file.path(), std::ios::binary) << text;
  std::int64_t size = 0;
  const std::string fromFile = digest::sha256OfFile(file.path(), &size);
  digest::Sha256 inMemory;
  inMemory.update(text);
  BOOST_TEST(fromFile == inMemory.hex());
  BOOST_TEST(size == static_cast<std::int64_t>(text.size()));
  BOOST_CHECK_THROW(digest::sha256OfFile(file.path() + ".missing"), Poco::OpenFileException);
}

BOOST_AUTO_TEST_SUITE_END()
