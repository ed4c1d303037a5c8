"""set, watch, unwatch, edit: hand-written files keep every byte the change does not need."""
import os
import stat
import unittest

from harness import CrmTestCase, changed_lines

CLIENT = "clients/acme-engineering/client.yaml"

HAND = """\
# Acme - our oldest client. Keep this comment!
name: 'Acme Engineering'      # the legal name, from the ABN register
stage: prospect

tier: B   # was A until the 2025 slump
owner: Alice Smith
since: 2024-02-12
abn: "51 824 753 556"
ratings: {potential: 4, compatibility: 5}   # profitability unknown yet
contacts:
  - name: Jane Doe
    # she prefers phone
    phone: "+61 2 5555 0100"
tags: [civil,   bridges]
watchers:
  - Bob Jones    # asked in March

# --- free text below ---
notes: |
  Our biggest account.
  # this line is part of the notes
sector: 'civil'  # custom field
"""



class HandEditedTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        self.write(CLIENT, HAND)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "hand edit")

    def text(self):
        return (self.dir / CLIENT).read_text(encoding="utf-8")

    def assertOnlyChanged(self, removed, added):
        got = changed_lines(HAND, self.text())
        self.assertEqual(got, (removed, added))


class SetTest(HandEditedTestCase):
    def test_set_tier_changes_one_line_keeps_comment_and_commits(self):
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.assertOnlyChanged(["tier: B   # was A until the 2025 slump\n"],
                               ["tier: A   # was A until the 2025 slump\n"])
        self.assertEqual(self.last_commit_message(), "set: Acme Engineering tier A")
        self.assertEqual(self.last_commit_files(), [CLIENT])
        self.assertEqual(self.load(CLIENT)["tier"], "A")

    def test_set_stage_adds_stage_since(self):
        self.crm_in("set", "acme", "stage", "client", check=0)
        self.assertOnlyChanged(["stage: prospect\n"], ["stage: client\n", "stage_since: 2026-11-23\n"])
        # stage_since already there: updated in place.
        self.crm_in("set", "acme", "stage", "proposal", env={"CRM_TODAY": "2026-12-01"}, check=0)
        data = self.load(CLIENT)
        self.assertEqual(data["stage"], "proposal")
        self.assertEqual(str(data["stage_since"]), "2026-12-01")
        self.assertEqual(self.text().count("stage_since"), 1)

    def test_set_name_keeps_slug_and_quotes(self):
        self.crm_in("set", "acme", "name", "Acme: Engineering & Co", check=0)
        self.assertOnlyChanged(
            ["name: 'Acme Engineering'      # the legal name, from the ABN register\n"],
            ['name: "Acme: Engineering & Co"      # the legal name, from the ABN register\n'])
        self.assertTrue((self.dir / CLIENT).exists())
        r = self.crm_in("show", "acme-engineering", "--format", "json", check=0)
        self.assertIn("Acme: Engineering & Co", r.out)

    def test_set_rating_in_flow_map(self):
        self.crm_in("set", "acme", "ratings.profitability", "2", check=0)
        self.assertOnlyChanged(
            ["ratings: {potential: 4, compatibility: 5}   # profitability unknown yet\n"],
            ["ratings: {potential: 4, compatibility: 5, profitability: 2}   # profitability unknown yet\n"])
        self.crm_in("set", "acme", "ratings.potential", "1", check=0)
        self.assertEqual(self.load(CLIENT)["ratings"],
                         {"potential": 1, "compatibility": 5, "profitability": 2})

    def test_set_custom_field_and_new_field(self):
        self.crm_in("set", "acme", "sector", "yes", check=0)
        self.assertOnlyChanged(["sector: 'civil'  # custom field\n"], ['sector: "yes"  # custom field\n'])
        self.crm_in("set", "acme", "region", "017", check=0)
        self.assertTrue(self.text().endswith('region: "017"\n'))
        self.assertEqual(self.load(CLIENT)["region"], "017")

    def test_set_every_and_owner(self):
        self.crm_in("set", "acme", "every", "3w", check=0)
        self.assertTrue(self.text().endswith("every: 3w\n"))
        self.crm_in("set", "acme", "every", "never", check=0)
        self.assertEqual(self.load(CLIENT)["every"], "never")
        self.crm_in("set", "acme", "owner", "Bob Jones", check=0)
        self.assertIn("owner: Bob Jones\n", self.text())

    def test_set_validates_values(self):
        before = self.text()
        count = self.commit_count()
        for args in (["stage", "hot"], ["tier", "Z"], ["every", "often"],
                     ["ratings.potential", "6"], ["ratings.potential", "0"],
                     ["ratings.charm", "3"], ["owner", "  "], ["name", ""],
                     ["watchers", "x"], ["since", "2026-01-01"], ["bad key", "x"]):
            r = self.crm_in("set", "acme", *args)
            self.assertEqual(r.code, 2, (args, r))
            self.assertIn("crm: error:", r.err)
        self.assertEqual(self.text(), before)
        self.assertEqual(self.commit_count(), count)

    def test_set_same_value_is_a_no_op(self):
        count = self.commit_count()
        r = self.crm_in("set", "acme", "tier", "B", check=0)
        self.assertIn("already", r.err)
        self.assertEqual(self.text(), HAND)
        self.assertEqual(self.commit_count(), count)

    def test_set_refuses_what_it_cannot_change_safely(self):
        self.write(CLIENT, HAND.replace("sector: 'civil'  # custom field\n",
                                        "sector:\n  - civil\n  - water\n"))
        before = self.text()
        r = self.crm_in("set", "acme", "sector", "rail", check=1)
        self.assertIn("cannot change", r.err)
        self.assertIn("crm edit", r.err)
        self.assertEqual(self.text(), before)

    def test_set_refuses_a_broken_file(self):
        self.write(CLIENT, "name: Acme Engineering\ntier: A\ntier: B\n")
        r = self.crm_in("set", "acme-engineering", "tier", "C", check=1)
        self.assertIn("duplicate key", r.err)
        self.assertIn(":3:", r.err)
        self.assertEqual(self.text(), "name: Acme Engineering\ntier: A\ntier: B\n")

    def test_set_does_not_write_through_a_symlink(self):
        outside = self.tmp / "outside.yaml"
        outside.write_text(HAND)
        (self.dir / CLIENT).unlink()
        os.symlink(outside, self.dir / CLIENT)
        r = self.crm_in("set", "acme-engineering", "tier", "A")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(outside.read_text(), HAND)
        self.assertTrue((self.dir / CLIENT).is_symlink())


class WatchTest(HandEditedTestCase):
    def test_watch_appends_to_block_list_then_unwatch_restores_bytes(self):
        self.crm_in("watch", "acme", check=0)
        self.assertOnlyChanged([], ["  - Alice Smith\n"])
        self.assertEqual(self.load(CLIENT)["watchers"], ["Bob Jones", "Alice Smith"])
        self.assertEqual(self.last_commit_message(), "watch: Acme Engineering (Alice Smith)")
        self.crm_in("unwatch", "acme", check=0)
        self.assertEqual(self.text(), HAND)
        self.assertEqual(self.last_commit_message(), "unwatch: Acme Engineering (Alice Smith)")

    def test_watch_twice_is_a_no_op(self):
        self.crm_in("watch", "acme", check=0)
        count = self.commit_count()
        r = self.crm_in("watch", "acme", check=0)
        self.assertIn("already watches", r.err)
        self.assertEqual(self.commit_count(), count)
        r = self.crm_in("unwatch", "acme", env={"CRM_USER": "Zed"}, check=0)
        self.assertIn("does not watch", r.err)

    def test_watch_flow_list_and_missing_list(self):
        self.write(CLIENT, "name: Acme Engineering  # hi\nwatchers: [Bob Jones]  # team\n")
        self.git("commit", "-qam", "by hand")  # crm commits only its own change
        self.crm_in("watch", "acme", check=0)
        self.assertEqual(self.text(),
                         "name: Acme Engineering  # hi\nwatchers: [Bob Jones, Alice Smith]  # team\n")
        self.crm_in("unwatch", "acme", env={"CRM_USER": "Bob Jones"}, check=0)
        self.assertEqual(self.text(), "name: Acme Engineering  # hi\nwatchers: [Alice Smith]  # team\n")
        self.write(CLIENT, "# c\nname: Acme Engineering\n")
        self.git("commit", "-qam", "by hand")
        self.crm_in("watch", "acme", env={"CRM_USER": "no"}, check=0)
        self.assertEqual(self.text(), '# c\nname: Acme Engineering\nwatchers: ["no"]\n')
        self.assertEqual(self.load(CLIENT)["watchers"], ["no"])

    def test_watcher_written_in_another_case_is_the_same_person(self):
        self.write(CLIENT, "name: Acme Engineering\nwatchers: [bob jones, alice smith]\n")
        self.git("commit", "-qam", "by hand")  # crm commits only its own change
        r = self.crm_in("watch", "acme", check=0)
        self.assertIn("already watches", r.err)
        self.crm_in("unwatch", "acme", check=0)
        self.assertEqual(self.text(), "name: Acme Engineering\nwatchers: [bob jones]\n")

    def test_watch_with_hostile_user_name(self):
        for user in ["- rf", "a: b", "#x", "yes", "$(touch pwned)", "O'Brien \"Bob\""]:
            self.crm_in("watch", "acme", env={"CRM_USER": user}, check=0)
        self.assertEqual(self.load(CLIENT)["watchers"],
                         ["Bob Jones", "- rf", "a: b", "#x", "yes", "$(touch pwned)",
                          "O'Brien \"Bob\""])
        self.assertFalse((self.dir / "pwned").exists())
        self.assertFalse((self.tmp / "pwned").exists())


class CrlfTest(CrmTestCase):
    def test_set_keeps_crlf_file(self):
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)
        path = self.dir / CLIENT
        path.write_bytes(b"name: Acme Engineering\r\ntier: B\r\n# end\r\n")
        self.git("commit", "-qam", "CRLF by hand")  # crm commits only its own change
        self.crm_in("set", "acme", "tier", "A", check=0)
        self.crm_in("watch", "acme", check=0)
        self.assertEqual(path.read_bytes(),
                         b"name: Acme Engineering\r\ntier: A\r\n# end\r\nwatchers: [Alice Smith]\r\n")


def editor_script(tmp, body):
    """An $EDITOR that runs a Python body with `path` and `text` bound, then writes text."""
    script = tmp / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
        + body + "\nopen(path, 'w', encoding='utf-8').write(text)\n")
    return f"python3 {script}"


class EditTest(HandEditedTestCase):
    def test_edit_saves_changed_text_byte_for_byte_and_commits(self):
        editor = editor_script(self.tmp, "text = text.replace('tier: B ', 'tier: C ')")
        r = self.crm_in("edit", "acme", env={"EDITOR": editor}, input="", check=0)
        self.assertEqual(r.out.strip(), CLIENT)
        self.assertEqual(self.text(), HAND.replace("tier: B ", "tier: C "))
        self.assertEqual(self.last_commit_message(), "edit: Acme Engineering (client.yaml)")

    def test_visual_wins_over_editor(self):
        visual = editor_script(self.tmp, "text = text.replace('tier: B ', 'tier: A ')")
        r = self.crm_in("edit", "acme", env={"VISUAL": visual, "EDITOR": "false"}, input="", check=0)
        self.assertIn("tier: A ", self.text())

    def test_unchanged_writes_nothing(self):
        count = self.commit_count()
        r = self.crm_in("edit", "acme", env={"EDITOR": "true"}, input="", check=0)
        self.assertIn("no changes", r.err)
        self.assertEqual(self.text(), HAND)
        self.assertEqual(self.commit_count(), count)

    def test_emptied_writes_nothing(self):
        editor = editor_script(self.tmp, "text = ''")
        r = self.crm_in("edit", "acme", env={"EDITOR": editor}, input="", check=0)
        self.assertIn("emptied", r.err)
        self.assertEqual(self.text(), HAND)

    def test_invalid_without_terminal_keeps_original_and_rescues_text(self):
        editor = editor_script(self.tmp, "text = text.replace('stage: prospect', 'stage: hot')")
        count = self.commit_count()
        r = self.crm_in("edit", "acme", env={"EDITOR": editor}, input="", check=1)
        self.assertIn("unknown stage 'hot'", r.err)
        self.assertIn(CLIENT + ":3:", r.err)
        self.assertEqual(self.text(), HAND)
        self.assertEqual(self.commit_count(), count)
        rescue = r.err.split("kept in ")[1].split(":")[0].strip()
        self.assertIn("stage: hot", (self.dir / rescue).read_text())

    def test_broken_yaml_without_terminal(self):
        editor = editor_script(self.tmp, "text = text.replace('owner: Alice Smith', 'owner: \"Alice')")
        r = self.crm_in("edit", "acme", env={"EDITOR": editor}, input="", check=1)
        self.assertIn("kept in .crm/rescue/", r.err)
        self.assertEqual(self.text(), HAND)
        # The rescued text is crm's own: git never sees it, even with no .gitignore.
        (self.dir / ".gitignore").write_text("")
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=all"),
                         " M .gitignore\n")

    def test_failing_editor(self):
        r = self.crm_in("edit", "acme", env={"EDITOR": "false"}, input="", check=1)
        self.assertIn("editor", r.err)
        self.assertEqual(self.text(), HAND)

    def test_edit_latest_visit(self):
        self.crm_in("log-visit", "acme", "first", "--date", "2026-11-01", check=0)
        path = self.crm_in("log-visit", "acme", "second", check=0).out.strip()
        editor = editor_script(self.tmp, "text = text.replace('second', 'second, edited')")
        r = self.crm_in("edit", "acme", "--visit", "latest", env={"EDITOR": editor}, input="", check=0)
        self.assertEqual(r.out.strip(), path)
        self.assertEqual(self.load(path)["notes"], "second, edited")
        name = path.rsplit("/", 1)[1]
        editor = editor_script(self.tmp, "text = text + '# checked\\n'")
        self.crm_in("edit", "acme", "--visit", name, env={"EDITOR": editor}, input="", check=0)
        self.assertTrue((self.dir / path).read_text().endswith("# checked\n"))
        self.crm_in("edit", "acme", "--visit", "../../crm.yaml", env={"EDITOR": editor}, input="", check=1)


class LogVisitEditTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.crm_in("add-client", "Acme Engineering", check=0)

    def test_template_filled_in_editor(self):
        editor = editor_script(
            self.tmp,
            "assert '# crm:' in text and '# promises:' in text\n"
            "text = text.replace('# where: Their office, level 3', 'where: Depot  # new site')")
        r = self.crm_in("log-visit", "acme", "--edit", "--discussed", "Phase 2",
                        env={"EDITOR": editor}, input="", check=0)
        path = r.out.strip()
        v = self.load(path)
        self.assertEqual(v["where"], "Depot")
        self.assertEqual(v["discussed"], ["Phase 2"])
        text = (self.dir / path).read_text()
        self.assertIn("where: Depot  # new site\n", text)
        self.assertNotIn("# crm:", text)
        self.assertEqual(self.last_commit_message(), "log-visit: Acme Engineering (2026-11-23 visit)")

    def test_unchanged_or_emptied_template_writes_nothing(self):
        count = self.commit_count()
        for editor in ("true", editor_script(self.tmp, "text = '# nothing\\n'")):
            r = self.crm_in("log-visit", "acme", "--edit", env={"EDITOR": editor}, input="", check=0)
            self.assertIn("no visit logged", r.err)
        self.assertFalse((self.dir / "clients/acme-engineering/visits").exists()
                         and any((self.dir / "clients/acme-engineering/visits").iterdir()))
        self.assertEqual(self.commit_count(), count)

    def test_invalid_visit_is_rescued(self):
        editor = editor_script(self.tmp, "text = text.replace('kind: visit', 'kind: party')")
        r = self.crm_in("log-visit", "acme", "--edit", env={"EDITOR": editor}, input="", check=1)
        self.assertIn("unknown kind 'party'", r.err)
        rescue = r.err.split("kept in ")[1].split(":")[0].strip()
        self.assertIn("kind: party", (self.dir / rescue).read_text())


if __name__ == "__main__":
    unittest.main()
