// Hashes, canonical JSON, the chain of a log, ballot commitments and the RFC 6962 Merkle tree.

#include "ecosol/participation/records.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ecosol::participation {
namespace {

using nlohmann::json;

TEST(RecordsTest, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RecordsTest, CanonicalJsonSortsKeysWithoutSpaces) {
  json value = json::parse(R"({"b": 1, "a": [1, 2.5, {"d": "é", "c": null}]})");
  auto text = CanonicalJson(value);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "{\"a\":[1,2.5,{\"c\":null,\"d\":\"é\"}],\"b\":1}");
}

TEST(RecordsTest, CanonicalJsonRefusesNaNAndInfinityNamingWhere) {
  json nan = {{"a", {1, std::nan("")}}};
  auto text = CanonicalJson(nan);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(text.status().message().find("/a/1"), std::string::npos) << text.status().message();
  json inf = {{"x", {{"y", std::numeric_limits<double>::infinity()}}}};
  EXPECT_FALSE(CanonicalJson(inf).ok());
  EXPECT_FALSE(CanonicalJson(json(-std::numeric_limits<double>::infinity())).ok());
}

TEST(RecordsTest, CanonicalJsonRefusesInvalidUtf8) {
  auto text = CanonicalJson(json(std::string("\xff\xfe")));
  EXPECT_FALSE(text.ok());
}

LogEntry Entry(const std::string& kind, json body) {
  LogEntry e;
  e.process_id = "p1";
  e.kind = kind;
  e.body = std::move(body);
  e.who = "ana";
  e.at = "2025-03-01T10:00:00Z";
  return e;
}

TEST(RecordsTest, ChainEntryLinksEachEntryToThePrevious) {
  LogEntry first = Entry("process", {{"id", "p1"}});
  ASSERT_TRUE(ChainEntry(nullptr, &first).ok());
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, GenesisHash());
  EXPECT_EQ(GenesisHash(), std::string(64, '0'));
  LogEntry second = Entry("record", {{"id", "r1"}});
  ASSERT_TRUE(ChainEntry(&first, &second).ok());
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(*EntryHash(second), second.hash);
  EXPECT_NE(first.hash, second.hash);
}

TEST(RecordsTest, EntryHashCoversEveryField) {
  LogEntry e = Entry("record", {{"id", "r1"}});
  ASSERT_TRUE(ChainEntry(nullptr, &e).ok());
  // The documented preimage, hashed independently.
  EXPECT_EQ(e.hash, Sha256Hex("ecosol-decision-log/1\np1\n1\nrecord\nana\n2025-03-01T10:00:00Z\n" +
                              GenesisHash() + "\n{\"id\":\"r1\"}"));
  for (auto change : std::vector<void (*)(LogEntry&)>{
           [](LogEntry& x) { x.body["id"] = "r2"; }, [](LogEntry& x) { x.who = "bob"; },
           [](LogEntry& x) { x.at = "2025-03-01T10:00:01Z"; }, [](LogEntry& x) { x.seq = 2; },
           [](LogEntry& x) { x.kind = "process"; }, [](LogEntry& x) { x.process_id = "p2"; },
           [](LogEntry& x) { x.prev_hash = std::string(64, '1'); }}) {
    LogEntry changed = e;
    change(changed);
    EXPECT_NE(*EntryHash(changed), e.hash);
  }
}

TEST(RecordsTest, ChainEntryRefusesABodyThatIsNotAnObjectOrAnUnhashedPrevious) {
  LogEntry first = Entry("process", {{"id", "p1"}});
  LogEntry list = Entry("record", json::array({1, 2}));
  Status status = ChainEntry(nullptr, &list);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("body"), std::string::npos);
  LogEntry second = Entry("record", {{"id", "r1"}});
  EXPECT_EQ(ChainEntry(&first, &second).code(), StatusCode::kInvalidArgument);
}

TEST(RecordsTest, NewNonceIs32RandomBytesInHex) {
  const std::string a = NewNonce();
  const std::string b = NewNonce();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(RecordsTest, BallotCommitmentBindsDecisionBallotAndNonce) {
  // python3 -c "import
  // hashlib;print(hashlib.sha256(b'ecosol-ballot/1\nd1\nn1\n{\"choice\":\"yes\"}').hexdigest())"
  auto c = BallotCommitment("d1", {{"choice", "yes"}}, "n1");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, "f47e91e168b8124561fe939d5aad5eaafe105fdca818b369bda838c764249018");
  EXPECT_NE(*BallotCommitment("d2", {{"choice", "yes"}}, "n1"), *c);
  EXPECT_NE(*BallotCommitment("d1", {{"choice", "no"}}, "n1"), *c);
  EXPECT_NE(*BallotCommitment("d1", {{"choice", "yes"}}, "n2"), *c);
  EXPECT_FALSE(BallotCommitment("d1", {{"score", std::nan("")}}, "n1").ok());
}

// RFC 6962 by its definitions, on raw bytes, written apart from records.cc.
std::string Raw(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}
std::string Mth(const std::vector<std::string>& d) {
  if (d.size() == 1) return Raw(Sha256Hex(std::string(1, '\0') + d[0]));
  size_t k = 1;
  while (k << 1 < d.size()) k <<= 1;
  std::vector<std::string> left(d.begin(), d.begin() + static_cast<long>(k));
  std::vector<std::string> right(d.begin() + static_cast<long>(k), d.end());
  return Raw(Sha256Hex("\x01" + Mth(left) + Mth(right)));
}
std::vector<std::string> Path(size_t m, const std::vector<std::string>& d) {
  if (d.size() <= 1) return {};
  size_t k = 1;
  while (k << 1 < d.size()) k <<= 1;
  std::vector<std::string> left(d.begin(), d.begin() + static_cast<long>(k));
  std::vector<std::string> right(d.begin() + static_cast<long>(k), d.end());
  std::vector<std::string> path = m < k ? Path(m, left) : Path(m - k, right);
  path.push_back(m < k ? Mth(right) : Mth(left));
  return path;
}
std::string Hex(const std::string& raw) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (char c : raw) {
    out.push_back(digits[static_cast<unsigned char>(c) >> 4]);
    out.push_back(digits[static_cast<unsigned char>(c) & 15]);
  }
  return out;
}

TEST(MerkleTest, RootOfThreeLeavesComputedByHand) {
  // python3 -c "import hashlib as h;L=lambda x:h.sha256(b'\0'+x).digest();
  //   N=lambda a,b:h.sha256(b'\1'+a+b).digest();print(N(N(L(b'a'),L(b'b')),L(b'c')).hex())"
  EXPECT_EQ(MerkleRoot({"a", "b", "c"}),
            "36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1");
  // One leaf: its leaf hash, SHA-256(0x00 || "a"); no leaves: SHA-256 of nothing.
  EXPECT_EQ(MerkleRoot({"a"}), "022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c");
  EXPECT_EQ(MerkleRoot({}), Sha256Hex(""));
}

TEST(MerkleTest, ProofsOfThreeLeavesAreTheSiblingsFromTheLeafUp) {
  const std::vector<std::string> leaves = {"a", "b", "c"};
  const std::string la = Raw(Sha256Hex(std::string(1, '\0') + "a"));
  const std::string lb = Raw(Sha256Hex(std::string(1, '\0') + "b"));
  const std::string lc = Raw(Sha256Hex(std::string(1, '\0') + "c"));
  EXPECT_EQ(MerkleProof(leaves, 0), (std::vector<std::string>{Hex(lb), Hex(lc)}));
  EXPECT_EQ(MerkleProof(leaves, 2), (std::vector<std::string>{Sha256Hex("\x01" + la + lb)}));
  EXPECT_TRUE(MerkleProof(leaves, 3).empty());
}

TEST(MerkleTest, EveryIndexOfTreesOfOneToNineLeavesVerifies) {
  for (size_t n = 1; n <= 9; ++n) {
    std::vector<std::string> leaves;
    for (size_t i = 0; i < n; ++i) leaves.push_back(Sha256Hex("leaf " + std::to_string(i)));
    const std::string root = MerkleRoot(leaves);
    ASSERT_EQ(root, Hex(Mth(leaves))) << "size " << n;
    for (size_t i = 0; i < n; ++i) {
      const auto proof = MerkleProof(leaves, i);
      std::vector<std::string> expected;
      for (const std::string& raw : Path(i, leaves)) expected.push_back(Hex(raw));
      EXPECT_EQ(proof, expected) << "size " << n << " index " << i;
      EXPECT_TRUE(VerifyMerkleProof(leaves[i], i, n, proof, root)) << n << " " << i;
      EXPECT_FALSE(VerifyMerkleProof(leaves[(i + 1) % n] + (n == 1 ? "x" : ""), i, n, proof, root))
          << "wrong leaf, size " << n << " index " << i;
      if (n > 1) {
        EXPECT_FALSE(VerifyMerkleProof(leaves[i], (i + 1) % n, n, proof, root))
            << "wrong index, size " << n << " index " << i;
      }
      EXPECT_FALSE(VerifyMerkleProof(leaves[i], n, n, proof, root));
    }
  }
}

TEST(MerkleTest, ATamperedProofOrRootFails) {
  const std::vector<std::string> leaves = {"a", "b", "c", "d", "e"};
  const std::string root = MerkleRoot(leaves);
  auto proof = MerkleProof(leaves, 3);
  ASSERT_TRUE(VerifyMerkleProof("d", 3, 5, proof, root));
  EXPECT_FALSE(VerifyMerkleProof("d", 3, 5, proof, MerkleRoot({"a", "b", "c", "d"})));
  auto longer = proof;
  longer.push_back(proof.back());
  EXPECT_FALSE(VerifyMerkleProof("d", 3, 5, longer, root));
  auto shorter = proof;
  shorter.pop_back();
  EXPECT_FALSE(VerifyMerkleProof("d", 3, 5, shorter, root));
  auto bad = proof;
  bad[0] = "not hex";
  EXPECT_FALSE(VerifyMerkleProof("d", 3, 5, bad, root));
}

}  // namespace
}  // namespace ecosol::participation
