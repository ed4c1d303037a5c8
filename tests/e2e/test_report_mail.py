"""crm remind --html: each teammate's reminder as multipart/alternative, the text part as
without --html and an HTML part holding that person's section of crm report, read back
with Python's email package and html5lib."""
import email.policy
from email import message_from_bytes

from mailtest import read_mbox
from reportpage import EOM, PERIOD, SharedFolderCase, check_html, day_month, person_of


class RemindHtmlTest(SharedFolderCase):
    def messages(self, *extra):
        box = self.tmp / f"box{len(extra)}.mbox"
        self.crm_in("remind", "--until", "eom", "--mbox", str(box), *extra, check=0)
        out = {}
        for m in read_mbox(box):
            parsed = message_from_bytes(m.as_bytes(), policy=email.policy.default)
            out[str(parsed["To"].addresses[0].display_name)] = parsed
        return out

    def test_each_message_has_the_text_part_and_its_own_section_in_html(self):
        plain = self.messages()
        rich = self.messages("--html")
        self.assertEqual(sorted(rich), sorted(plain))
        self.assertTrue(rich, "nobody was reminded")
        items = self.json_of("due", "--until", EOM)["items"]
        weeks, counts = self.activity(*PERIOD)
        for person, message in rich.items():
            self.assertEqual(message.get_content_type(), "multipart/alternative")
            self.assertEqual(message["MIME-Version"], "1.0")
            parts = list(message.iter_parts())
            self.assertEqual([p.get_content_type() for p in parts], ["text/plain", "text/html"])
            for p in parts:
                self.assertEqual(p.get_content_charset(), "utf-8")
                self.assertEqual(p["Content-Transfer-Encoding"], "quoted-printable")
            # The text is what it is without --html.
            self.assertEqual(parts[0].get_content(), plain[person].get_content())

            page = self.tmp / f"{person}.html"
            page.write_text(parts[1].get_content(), encoding="utf-8")
            found = check_html(self, page)
            self.assertEqual(found["errors"], [])
            self.assertEqual(found["scripts"], 0)
            self.assertEqual(found["external"], [])
            mine = [i for i in items if person_of(i) == person]
            self.assertEqual([(r[0], r[2], r[3], r[4]) for r in
                              found["tables"]["person-items"][1:]],
                             [(i["due"], i["type"], i["name"], i["what"]) for i in mine])
            # Only this person's section: nobody else's items, no page-wide tables.
            self.assertNotIn("due-people", found["tables"])
            self.assertTrue(found["texts"][0].startswith(person), found["texts"][:2])
            self.assertEqual([r[1] for r in found["tables"]["person-activity"][1:-1]],
                             [str(n) for n in counts.get(person, [0] * len(weeks))])
            self.assertEqual([r[0] for r in found["tables"]["person-activity"][1:-1]],
                             [day_month(w) for w in weeks])

    def test_without_html_the_message_stays_plain_text(self):
        for message in self.messages().values():
            self.assertEqual(message.get_content_type(), "text/plain")
