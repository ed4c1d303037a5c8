#include <doctest/doctest.h>

#include "crm/formats/address_book.hpp"
#include "crm/formats/contacts_csv.hpp"
#include "crm/formats/csv_read.hpp"

using namespace crm::formats;
using Kind = ContactColumn::Kind;

TEST_CASE("classify_contact_column: Google's old and current headers, Outlook's") {
    CHECK(classify_contact_column("Given Name").kind == Kind::given);
    CHECK(classify_contact_column(" first name ").kind == Kind::given);
    CHECK(classify_contact_column("Family Name").kind == Kind::family);
    CHECK(classify_contact_column("Organization 1 - Name").kind == Kind::org);
    CHECK(classify_contact_column("Organization Name").kind == Kind::org);
    CHECK(classify_contact_column("Company").kind == Kind::org);
    CHECK(classify_contact_column("Organization 1 - Title").kind == Kind::title);
    CHECK(classify_contact_column("Job Title").kind == Kind::title);
    CHECK(classify_contact_column("Title").kind == Kind::ignored);  // Outlook's "Mr."
    CHECK(classify_contact_column("Group Membership").kind == Kind::tags);
    CHECK(classify_contact_column("Labels").kind == Kind::tags);
    CHECK(classify_contact_column("Categories").kind == Kind::tags);
    auto e = classify_contact_column("E-mail 3 - Value");
    CHECK(e.kind == Kind::email);
    CHECK(e.slot == 3);
    CHECK(classify_contact_column("E-mail 3 - Type").kind == Kind::email_label);
    CHECK(classify_contact_column("E-mail 12 - Label").slot == 12);
    CHECK(classify_contact_column("Phone 2 - Value").kind == Kind::phone);
    CHECK(classify_contact_column("Phone 2 - Label").kind == Kind::phone_label);
    CHECK(classify_contact_column("E-mail Address").kind == Kind::email);
    CHECK(classify_contact_column("E-mail 2 Address").slot == 2);
    // Outlook's type (SMTP or EX) labels its slot; its display name holds the SMTP
    // address of an Exchange one.
    CHECK(classify_contact_column("E-mail Display Name").kind == Kind::email_display);
    CHECK(classify_contact_column("E-mail 2 Type").kind == Kind::email_label);
    CHECK(classify_contact_column("E-mail 2 Type").slot == 2);
    CHECK(classify_contact_column("Email Address").kind == Kind::email);  // LinkedIn
    CHECK(classify_contact_column("Position").kind == Kind::title);
    CHECK(classify_contact_column("Secondary Email").slot == 2);  // Thunderbird
    CHECK(classify_contact_column("Mobile Number").label == "mobile");
    auto b = classify_contact_column("Business Phone");
    CHECK(b.kind == Kind::phone);
    CHECK(b.label == "business");
    CHECK(classify_contact_column("Home Phone 2").label == "home");
    CHECK(classify_contact_column("Business Fax").label == "business fax");
    CHECK(classify_contact_column("Birthday").kind == Kind::ignored);
    CHECK(classify_contact_column("E-mail x - Value").kind == Kind::ignored);
}

TEST_CASE("is_address_book_header tells an export from crm's own columns") {
    CHECK(is_address_book_header({"Name", "Given Name", "Family Name"}));
    CHECK(is_address_book_header({"First Name", "Last Name", "Organization Name"}));
    CHECK(is_address_book_header({"First Name", "Company", "E-mail Address"}));
    CHECK_FALSE(is_address_book_header({"name", "tier", "stage", "contact", "email", "phone"}));
    CHECK_FALSE(is_address_book_header({"Company", "Contact", "Email", "Notes"}));
}

TEST_CASE("read_address_book_csv: Google's current export") {
    auto records = read_csv(
        "First Name,Middle Name,Last Name,Organization Name,Organization Title,"
        "Organization Department,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,"
        "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Value\n"
        "Jane,Q,Doe,Acme,Director,Projects,,Likes tea,* myContacts ::: Clients ::: * starred,"
        "Home,jane@home.example,Work,jane@acme.example,Mobile,+61 400 000 000 ::: +61 2 5555,\n"
        ",,,Acme,,,,Head office,,,,,,Work,+61 2 5555 0000,https://acme.example\n"
        ",,,,,,,,,,,,,,,\n",
        "g.csv");
    auto book = read_address_book_csv(records);
    REQUIRE(book.entries.size() == 2);
    const auto& jane = book.entries[0];
    CHECK(jane.name == "Jane Q Doe");
    CHECK(jane.org == "Acme");
    CHECK(jane.role == "Director, Projects");
    CHECK(jane.tags == std::vector<std::string>{"Clients"});
    REQUIRE(jane.emails.size() == 2);
    CHECK(jane.emails[0].value == "jane@acme.example");  // work first
    CHECK(jane.phones.size() == 2);
    CHECK(jane.line == 2);
    CHECK(book.entries[1].org_card);
    CHECK(book.empty_rows == 1);
    CHECK(book.ignored_columns == 2);
    CHECK(book.ignored_with_data == std::vector<std::string>{"Website 1 - Value"});

    auto contact = contact_of(jane);
    CHECK(contact.email == "jane@acme.example");
    CHECK(contact.phone == "+61 400 000 000");
    CHECK(contact.notes ==
          "Likes tea\ne-mail (home): jane@home.example\nphone (mobile): +61 2 5555");
}

TEST_CASE("read_address_book_csv: Google's old export and Outlook's") {
    auto google = read_address_book_csv(
        read_csv("Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
                 "Organization 1 - Name,Organization 1 - Title\n"
                 "Tom Lee,Tom,Lee,* myContacts ::: * Coworkers,* Work,tom@nw.example,"
                 "Northern Water,Engineer\n",
                 "g.csv"));
    REQUIRE(google.entries.size() == 1);
    CHECK(google.entries[0].name == "Tom Lee");
    CHECK(google.entries[0].emails.at(0).preferred);
    CHECK(google.entries[0].emails.at(0).label == "work");
    CHECK(google.entries[0].tags == std::vector<std::string>{"Coworkers"});

    auto outlook = read_address_book_csv(
        read_csv("\xEF\xBB\xBF\"First Name\",\"Last Name\",\"Title\",\"Company\",\"Job Title\","
                 "\"E-mail Address\",\"E-mail Display Name\",\"E-mail 2 Address\","
                 "\"Home Phone\",\"Business Phone\",\"Notes\",\"Categories\",\"Priority\"\r\n"
                 "\"Ann\",\"Smith\",\"Dr.\",\"Smith, Jones & Co\",\"Partner\",\"ann@sj.example\","
                 "\"Ann Smith (ann@sj.example)\",\"\",\"+61 2 1111\",\"+61 2 2222\","
                 "\"Line one\r\nLine two\",\"Clients;Tax\",\"Normal\"\r\n",
                 "o.csv"));
    REQUIRE(outlook.entries.size() == 1);
    const auto& ann = outlook.entries[0];
    CHECK(ann.org == "Smith, Jones & Co");
    CHECK(ann.role == "Partner");
    CHECK(ann.notes == "Line one\nLine two");
    CHECK(ann.tags == std::vector<std::string>{"Clients", "Tax"});
    CHECK(ann.phones.at(0).value == "+61 2 2222");  // business before home
    CHECK(outlook.ignored_columns == 3);
    CHECK(outlook.ignored_with_data == std::vector<std::string>{"Title"});  // Priority: filler
}

TEST_CASE("group_by_org: people join their organisation; its own entry gives the notes") {
    std::vector<AddressEntry> entries(4);
    entries[0].org = "Acme";
    entries[0].name = "Jane";
    entries[0].tags = {"Clients"};
    entries[1].org = "ACME";
    entries[1].phones = {{"+61 2 5555 0000", "work", false}};
    entries[1].notes = "Head office";
    entries[2].name = "Solo Person";
    entries[2].tags = {"clients", "Private"};
    entries[3].org = "acme";
    entries[3].name = "Bob";
    for (auto& e : entries)
        settle(e);
    auto clients = group_by_org(entries);
    REQUIRE(clients.size() == 2);
    CHECK(clients[0].name == "Acme");
    REQUIRE(clients[0].contacts.size() == 2);
    CHECK(clients[0].contacts[1].name == "Bob");
    CHECK(clients[0].notes == "Head office\nphone (work): +61 2 5555 0000");
    CHECK(clients[1].name == "Solo Person");
    CHECK(clients[1].contacts.at(0).name == "Solo Person");
    CHECK(clients[1].tags == std::vector<std::string>{"clients", "Private"});
}

TEST_CASE("read_address_book_csv: an Exchange address is no e-mail, and a long row is skipped") {
    auto records = read_csv(
        "First Name,Company,E-mail Address,E-mail Type,E-mail Display Name\n"
        "Tom,Northern Water,/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=tom,EX,"
        "Tom Lee (tlee@nw.example)\n"
        "Ann,Beta,ann@beta.example,SMTP,Ann (ann@beta.example),extra\n",
        "x.csv");
    auto book = read_address_book_csv(records);
    REQUIRE(book.entries.size() == 1);
    REQUIRE(book.entries[0].emails.size() == 1);
    CHECK(book.entries[0].emails[0].value == "tlee@nw.example");
    CHECK(book.entries[0].emails[0].label.empty());
    CHECK(book.exchange_addresses == 1);
    CHECK(book.long_rows == std::vector<int>{3});
}

TEST_CASE("preamble_records: LinkedIn's Notes: lines before the header") {
    auto records = read_csv(
        "Notes:\n\"When exporting your connection data, ...\"\n\n"
        "First Name,Last Name,Email Address,Company\nPriya,Raman,priya@r.example,R\n",
        "Connections.csv");
    CHECK(preamble_records(records) == 2);
    CHECK(preamble_records(read_csv("First Name,Company\nA,B\n", "x.csv")) == 0);
}
