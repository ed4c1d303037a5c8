#pragma once
// The wall clock, for what must say when it was written (a mail's Date: header).
namespace crm::os {

struct LocalTime {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int utc_offset_minutes = 0;  // of the local time zone, at that moment
};

LocalTime local_now();

}  // namespace crm::os
