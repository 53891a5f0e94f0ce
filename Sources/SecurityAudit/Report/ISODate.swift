/// The few calendar computations the report needs (suppression expiry, SARIF and JUnit
/// time stamps), in UTC on the proleptic Gregorian calendar, without Foundation.
enum ISODate {
    static let millisecondsPerDay: Int64 = 86_400_000

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count (`civil_from_days`).
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-03-19T10:04:05.123Z`.
    static func format(epochMilliseconds ms: Int64) -> String {
        let dayCount = ms >= 0 ? ms / millisecondsPerDay : (ms - millisecondsPerDay + 1) / millisecondsPerDay
        let remainder = ms - dayCount * millisecondsPerDay
        let date = civil(days: dayCount)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T"
            + "\(pad(remainder / 3_600_000, 2)):\(pad(remainder / 60_000 % 60, 2)):\(pad(remainder / 1000 % 60, 2))"
            + ".\(pad(remainder % 1000, 3))Z"
    }

    /// The first instant (epoch ms) at which something that "expires" on `text` has
    /// expired. A date (`2026-06-30`) lasts through that whole day in UTC; an RFC 3339
    /// date-time (`2026-06-30T18:00:00Z`, `...+02:00`, fractions allowed) ends at that
    /// instant. Anything else is nil.
    static func expiryInstant(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        guard let (year, month, day) = parseDate(chars) else { return nil }
        let midnight = days(year: year, month: month, day: day) * millisecondsPerDay
        if chars.count == 10 { return midnight + millisecondsPerDay }
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
              let hour = number(chars, 11, 2), chars[13] == UInt8(ascii: ":"),
              let minute = number(chars, 14, 2), chars[16] == UInt8(ascii: ":"),
              let second = number(chars, 17, 2),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if chars[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < chars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) {
                if index - digitsStart < 3 { fraction = fraction * 10 + Int64(chars[index] - UInt8(ascii: "0")) }
                index += 1
            }
            guard index > digitsStart else { return nil }
            for _ in 0..<max(0, 3 - (index - digitsStart)) { fraction *= 10 }
        }
        guard index < chars.count else { return nil }
        var offsetMinutes: Int64 = 0
        switch chars[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == chars.count, let h = number(chars, index + 1, 2), chars[index + 3] == UInt8(ascii: ":"),
                  let m = number(chars, index + 4, 2), h < 24, m < 60
            else { return nil }
            offsetMinutes = (h * 60 + m) * (chars[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == chars.count else { return nil }
        return midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (exactly that); nil for anything else.
    static func dayNumber(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        guard chars.count == 10, let (year, month, day) = parseDate(chars) else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` of a day number.
    static func dateString(dayNumber: Int64) -> String {
        String(format(epochMilliseconds: dayNumber * millisecondsPerDay).prefix(10))
    }

    private static func parseDate(_ chars: [UInt8]) -> (Int64, Int64, Int64)? {
        guard chars.count >= 10, let year = number(chars, 0, 4), chars[4] == UInt8(ascii: "-"),
              let month = number(chars, 5, 2), chars[7] == UInt8(ascii: "-"), let day = number(chars, 8, 2),
              (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        return (year, month, day)
    }

    private static func number(_ chars: [UInt8], _ start: Int, _ length: Int) -> Int64? {
        guard start + length <= chars.count else { return nil }
        var value: Int64 = 0
        for char in chars[start..<start + length] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(char) else { return nil }
            value = value * 10 + Int64(char - UInt8(ascii: "0"))
        }
        return value
    }
}
