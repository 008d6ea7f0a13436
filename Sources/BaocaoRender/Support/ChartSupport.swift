import BaocaoDocument
import Foundation

/// Colours of the series, dark enough to print in grey, distinct in colour.
enum ChartPalette {
    static let series = ["1F4E79", "C55A11", "548235", "7F6000", "7030A0", "2E75B6", "A5A5A5"]
    static let reference = "C00000"
    static let gridline = "D9D9D9"
    static let axis = "595959"

    static func colour(_ index: Int) -> String { series[index % series.count] }

    /// A value as XML writes a number: "90.02", "1234".
    static func xmlNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A chart's values, one per category, missing and non-finite values as nil.
enum ChartData {
    /// Said in place of a chart that has nothing to draw.
    static let noData = "(Chưa có số liệu để vẽ biểu đồ.)"

    /// Whether a chart has a category and a value to draw.
    static func hasData(_ chart: Chart) -> Bool {
        !chart.categories.isEmpty && chart.series.contains { $0.values.contains { $0?.isFinite ?? false } }
    }

    static func values(_ chart: Chart) -> [[Double?]] {
        chart.series.map { series in
            chart.categories.indices.map { i -> Double? in
                guard i < series.values.count, let v = series.values[i], v.isFinite else { return nil }
                return v
            }
        }
    }
}

/// A value axis with round ticks: 0, 20, 40 … or 0, 0,25, 0,5 ….
struct Scale {
    let low: Double
    let high: Double
    let step: Double

    /// The scale of a chart's value axis, the same in Word, LibreOffice and the HTML. Bars stand
    /// on zero. A line over values far from zero (an index between 84 and 91) gets an axis that
    /// starts near them, as Word and Excel choose when the smallest value is more than 5/6 of the
    /// largest, so the trend shows.
    init(for chart: Chart) {
        var all = ChartData.values(chart).flatMap { $0.compactMap { $0 } }
        if let reference = chart.reference, reference.value.isFinite { all.append(reference.value) }
        let lowest = all.min() ?? 0
        let highest = all.max() ?? 1
        let fromZero = chart.kind == .bar || lowest <= 0 || lowest < highest * 5 / 6
        if fromZero {
            self.init(min: Swift.min(0, lowest), max: Swift.max(0, highest))
        } else {
            self.init(min: lowest, max: highest, padBelow: true)
        }
    }

    init(min: Double, max: Double, padBelow: Bool = false) {
        var lo = min
        var hi = max
        if hi - lo <= 0 { hi = lo + 1 }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        step = nice * magnitude
        lo = floor(lo / step) * step
        hi = ceil(hi / step) * step
        // Leave room above the highest value for its label, and below the lowest point of a
        // line that does not start at zero.
        if max > 0, hi - max < step * 0.15 { hi += step }
        if padBelow, min - lo < step * 0.15 { lo -= step }
        low = lo
        high = hi
    }

    var ticks: [Double] {
        var out: [Double] = []
        var v = low
        while v <= high + step / 1000 {
            out.append((v / step).rounded() * step)
            v += step
        }
        return out
    }

    func fraction(_ value: Double) -> Double { (value - low) / (high - low) }

    /// The decimals every tick label shows: those of the step (0 for 2.000, 1 for 0,5, 2 for
    /// 0,25), so that one axis never mixes "0,5" with "0,25".
    var decimals: Int {
        for digits in 0...6 {
            let scaled = step * pow(10, Double(digits))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return digits }
        }
        return 6
    }

    /// A tick as the axis writes it, the Vietnamese way: "8.000", "0,25", "0,50".
    func label(_ tick: Double) -> String {
        let digits = decimals
        var text = VietnameseFormat.number(tick, fractionDigits: digits)
        guard digits > 0 else { return text }
        // VietnameseFormat drops trailing zeros; an axis keeps them.
        let shown = text.firstIndex(of: ",").map { text.distance(from: $0, to: text.endIndex) - 1 }
        if shown == nil { text += "," }
        text += String(repeating: "0", count: digits - (shown ?? 0))
        return text
    }

    /// The value axis's number format in a Word chart. Whole ticks from zero up get dots as
    /// literal characters ("8.000" in Word and LibreOffice whatever the reader's locale);
    /// other ticks get a format in the Vietnamese locale (`[$-42A]`), which LibreOffice and
    /// Word in a Vietnamese locale write with a decimal comma.
    var excelFormat: String {
        let digits = decimals
        if digits == 0 && low >= 0 {
            return #"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"#
        }
        return "[$-42A]#,##0" + (digits > 0 ? "." + String(repeating: "0", count: digits) : "")
    }
}
