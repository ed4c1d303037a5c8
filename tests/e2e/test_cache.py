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
        path.write_text(text.replace("stage: client", "stage: former"))  # inactive: never due
        cached = self.due()
        self.assertNotIn("acme-engineering-pty-ltd", [i["client"] for i in cached])
        self.assertEqual(self.whats(cached), self.whats(self.uncached_due()))

    def test_deleted_file_is_seen(self):
        before = self.due()
        self.assertIn("westbridge-civil-contractors", [i["client"] for i in before])
        shutil.rmtree(self.dir / "clients/westbridge-civil-contractors")
        cached = self.due()
        self.assertNotIn("westbridge-civil-contractors", [i["client"] for i in cached])
        self.assertEqual(self.whats(cached), self.whats(self.uncached_due()))

    def test_corrupt_or_truncated_cache_is_rebuilt_silently(self):
        expected = self.whats(self.due())
        cache = self.dir / ".crm" / "cache"
        good = cache.read_bytes()
        for junk in [b"", b"CRMCACHE", good[: len(good) // 2], b"x" * 1000,
                     good[:-1] + bytes([good[-1] ^ 0xFF])]:
            cache.write_bytes(junk)
            r = self.crm_in("due", "--format", "json", "--within", "30d", check=0)
            self.assertEqual(r.err, "")
            self.assertEqual(self.whats(json.loads(r.out)["items"]), expected)
            self.assertEqual(cache.read_bytes(), good)  # rebuilt to the same content

    def test_cache_is_not_tracked_by_git(self):
        self.assertEqual(self.git("status", "--porcelain", "--", ".crm"), "")


if __name__ == "__main__":
    unittest.main()
