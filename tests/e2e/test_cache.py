"""The record cache (.crm/cache): a second run must see every change a first run would.

Each test warms the cache, changes the folder the way a person or a teammate would, and
checks `crm due --format json` against the same command with the cache deleted.
"""
import json
import shutil
import unittest

from harness import CrmTestCase

VISIT = "clients/acme-engineering-pty-ltd/visits/2026-11-23-alice-smith-0c0c0c.yaml"


class CacheTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()
        self.due()  # warms the cache
        self.assertTrue((self.dir / ".crm" / "cache").is_file())

    def due(self):
        r = self.crm_in("due", "--format", "json", "--within", "30d", check=0)
        return json.loads(r.out)["items"]

    def uncached_due(self):
        shutil.rmtree(self.dir / ".crm")
        return self.due()

    def whats(self, items):
        return sorted((i["type"], i["client"], i["due"], i.get("what", "")) for i in items)

    def test_new_file_is_seen(self):
        self.write(VISIT, "date: 2026-11-23\nby: Alice Smith\npromises:\n"
                          "  - what: Cache canary promise\n    due: 2026-11-25\n")
        cached = self.due()
        self.assertIn("Cache canary promise", [i.get("what") for i in cached])
        self.assertEqual(self.whats(cached), self.whats(self.uncached_due()))

    def test_hand_edit_is_seen(self):
        path = self.dir / "clients/acme-engineering-pty-ltd/client.yaml"
        text = path.read_text()
        self.assertIn("stage: client", text)
        # Inactive: no longer due for contact (its open promises stay due).
        self.assertIn(("contact", "acme-engineering-pty-ltd"),
                      [(i["type"], i["client"]) for i in self.due()])
        path.write_text(text.replace("stage: client", "stage: former"))
        cached = self.due()
        self.assertNotIn(("contact", "acme-engineering-pty-ltd"),
                         [(i["type"], i["client"]) for i in cached])
        self.assertEqual(self.whats(cached), self.whats(self.uncached_due()))

    def test_deleted_file_is_seen(self):
        before = self.due()
        self.assertIn("westbridge-civil-contractors", [i["client"] for i in before])
        shutil.rmtree(self.dir / "clients/westbridge-civil-contractors")
        cached = self.due()
        self.assertNotIn("westbridge-civil-contractors", [i["client"] for i in cached])
        self.assertEqual(self.whats(cached), self.whats(self.uncached_due()))

    def export(self):
        return json.loads(self.crm_in("export", "--format", "json", check=0).out)

    def test_corrupt_or_truncated_cache_is_rebuilt_silently(self):
        expected = self.whats(self.due())
        expected_export = self.export()
        cache = self.dir / ".crm" / "cache"
        good = cache.read_bytes()
        for junk in [b"", b"CRMCACHE", good[: len(good) // 2], b"x" * 1000,
                     good[:-1] + bytes([good[-1] ^ 0xFF]),  # in the detail section
                     good[:100] + bytes([good[100] ^ 0x01]) + good[101:]]:  # in the summaries
            cache.write_bytes(junk)
            r = self.crm_in("due", "--format", "json", "--within", "30d", check=0)
            self.assertEqual(r.err, "")
            self.assertEqual(self.whats(json.loads(r.out)["items"]), expected)
            # `due` reads only summaries; a command showing free text reads the details
            # too, so whatever was damaged has been rebuilt after both.
            self.assertEqual(self.export(), expected_export)
            self.assertEqual(cache.read_bytes(), good)  # rebuilt to the same content

    def test_summary_and_full_runs_share_one_cache(self):
        uncached = self.export()
        shutil.rmtree(self.dir / ".crm")
        self.due()  # a summary run writes the whole records to the cache
        self.assertEqual(self.export(), uncached)
        notes = [v["notes"] for c in uncached["clients"] for v in c["visits"] if v.get("notes")]
        self.assertTrue(notes)  # the comparison covers free text

        path = self.dir / VISIT
        self.write(VISIT, "date: 2026-11-20\nby: Alice Smith\nnotes: First version\n")
        self.assertIn("First version", json.dumps(self.export()))
        self.due()
        path.write_text("date: 2026-11-20\nby: Alice Smith\nnotes: Second version, longer\n")
        self.due()  # the summary run caches the edit...
        exported = json.dumps(self.export())  # ...and the full run reads its notes back
        self.assertIn("Second version, longer", exported)
        self.assertNotIn("First version", exported)

    def test_cache_is_not_tracked_by_git(self):
        self.assertEqual(self.git("status", "--porcelain", "--", ".crm"), "")


class LargeFolderCacheTest(CrmTestCase):
    """A folder large enough that crm splits the loading between threads: the joined
    result, and the cache it writes, must be what one thread would give."""

    CLIENTS = 700

    def setUp(self):
        super().setUp()
        self.init()
        for n in range(self.CLIENTS):
            slug = f"client-{n:04d}"
            self.write(f"clients/{slug}/client.yaml",
                       f"name: Client {n:04d}\nstage: client\nsince: 2025-01-01\n"
                       f"owner: Alice Smith\n")
            self.write(f"clients/{slug}/visits/2026-11-0{1 + n % 9}-alice-smith-{n:06x}.yaml",
                       f"date: 2026-11-0{1 + n % 9}\nby: Alice Smith\nnotes: Visit of {n}\n"
                       f"promises:\n  - what: Promise {n}\n    due: 2026-11-{10 + n % 15}\n")

    def due(self):
        r = self.crm_in("due", "--format", "json", "--until", "2026-12-31", check=0)
        return json.loads(r.out)["items"]

    def export(self):
        return json.loads(self.crm_in("export", "--format", "json", check=0).out)

    def test_every_client_once_in_order_and_the_cache_agrees(self):
        first = self.export()  # no cache yet
        slugs = [c["slug"] for c in first["clients"]]
        self.assertEqual(slugs, [f"client-{n:04d}" for n in range(self.CLIENTS)])
        self.assertEqual(self.export(), first)  # from the cache
        promises = sorted(i["what"] for i in self.due() if i["type"] == "promise")
        self.assertEqual(promises, sorted(f"Promise {n}" for n in range(self.CLIENTS)))

        # Edits in both halves of the folder are seen by the very next run.
        for n in (3, self.CLIENTS - 3):
            slug = f"client-{n:04d}"
            self.write(f"clients/{slug}/visits/2026-11-20-alice-smith-ffffff.yaml",
                       f"date: 2026-11-20\nby: Alice Smith\npromises:\n"
                       f"  - what: Late promise {n}\n    due: 2026-12-01\n")
        late = sorted(i["what"] for i in self.due() if i["what"].startswith("Late"))
        self.assertEqual(late, [f"Late promise {n}" for n in sorted((3, self.CLIENTS - 3))])
        cached = self.export()
        shutil.rmtree(self.dir / ".crm")
        self.assertEqual(cached, self.export())


if __name__ == "__main__":
    unittest.main()
