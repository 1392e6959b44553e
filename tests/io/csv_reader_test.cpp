// The RFC 4180 reader: quoting rules, line numbers of rows, line endings and malformed quotes.
#include "io/csv_reader.hpp"

#include "io/input_error.hpp"

#include <gtest/gtest.h>

namespace convivia {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvReader, SplitsPlainFields) {
  const auto rows = parse_csv("a,b,c\n1,2,3\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReader, QuotedFieldsKeepCommasDoubledQuotesAndLineBreaks) {
  const auto rows = parse_csv("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,here\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1].line, 3);  // the quoted line break counts
}

TEST(CsvReader, KeepsEmptyFieldsAndWhitespace) {
  const auto rows = parse_csv(",x, y ,\"\"", "t.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"", "x", " y ", ""}));
}

TEST(CsvReader, HandlesCrlfBomBlankLinesAndNoFinalNewline) {
  const auto rows = parse_csv("\xEF\xBB\xBFid,name\r\n\r\n01,Stülerstraße\r\n02,Ä", "t.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(rows[1].fields, (Fields{"01", "Stülerstraße"}));
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].fields, (Fields{"02", "Ä"}));
}

TEST(CsvReader, EmptyTextHasNoRows) { EXPECT_TRUE(parse_csv("", "t.csv").empty()); }

TEST(CsvReader, RejectsUnterminatedQuoteNamingItsLine) {
  try {
    parse_csv("a,b\n1,\"open\n\n", "t.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "t.csv");
    EXPECT_EQ(error.line(), 2);
  }
}

TEST(CsvReader, RejectsStrayQuotes) {
  EXPECT_THROW(parse_csv("ab\"c\"\n", "t.csv"), InputError);
  EXPECT_THROW(parse_csv("\"ab\"c\n", "t.csv"), InputError);
}

TEST(CsvReader, MissingFileIsAnInputError) {
  try {
    read_csv_file("no/such/table.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "no/such/table.csv");
  }
}

}  // namespace
}  // namespace convivia
