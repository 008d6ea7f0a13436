import BaocaoDocument
import Foundation

/// A chart as inline SVG for the HTML output: bars or lines over the categories, the reference
/// as a dashed red line, values written the Vietnamese way ("90,02"), a legend below. The same
/// colours as the Word chart.
struct SVGChartWriter {
    let chart: Chart
    /// Unique within the page, for the accessible title's id.
    let number: Int

    private let width = 720.0
    private let plotTop = 24.0
    private let plotLeft = 64.0
    private let plotRight = 16.0
    private let plotHeight = 240.0
    private let labelSize = 13.0

    func write() -> String {
        writer().xml
    }

    /// The SVG as bytes.
    func writer() -> XMLWriter {
        let categories = chart.categories
        let values = ChartData.values(chart)
        let scale = Scale(for: chart)

        let plotWidth = width - plotLeft - plotRight
        let slot = categories.isEmpty ? plotWidth : plotWidth / Double(categories.count)
        let widest = categories.map { TextMetrics.width($0, size: labelSize, face: .regular) }.max() ?? 0
        let rotate = widest > slot - 4
        let labelDepth = rotate ? min(widest * 0.6, 120) + 16 : 22
        let legend = legendLayout(top: plotTop + plotHeight + labelDepth + 12)
        let height = legend.bottom + 8

        func y(_ value: Double) -> Double { plotTop + plotHeight * (1 - scale.fraction(value)) }
        func x(_ index: Int) -> Double { plotLeft + slot * (Double(index) + 0.5) }

        var s = XMLWriter(declaration: false)
        let titleId = "bieu-do-\(number)"
        s.open(
            "svg",
            [
                "class": "chart", "role": "img", "aria-labelledby": titleId, "viewBox": "0 0 \(n(width)) \(n(height))",
                "xmlns": "http://www.w3.org/2000/svg", "font-family": "'Times New Roman', Times, 'Liberation Serif', serif",
            ])
        s.text("title", ["id": titleId], chart.title)
        s.empty("rect", ["x": "0", "y": "0", "width": n(width), "height": n(height), "fill": "#fff"])

        // Gridlines and the value axis.
        let right = width - plotRight
        for tick in scale.ticks {
            let ty = y(tick)
            line(&s, plotLeft, ty, right, ty, colour: ChartPalette.gridline, width: 1)
            label(&s, scale.label(tick), x: plotLeft - 6, y: ty + 4, size: 12, anchor: "end")
        }
        if let unit = chart.unit, !unit.isEmpty {
            let cy = plotTop + plotHeight / 2
            label(&s, unit, x: 14, y: cy, size: 12, anchor: "middle", rotate: -90)
        }
        let baseline = y(min(max(0, scale.low), scale.high))

        // Series, each value labelled the Vietnamese way.
        switch chart.kind {
        case .bar:
            let groupWidth = slot * 0.75
            let barWidth = groupWidth / Double(max(1, values.count))
            for (si, series) in values.enumerated() {
                for (ci, value) in series.enumerated() {
                    guard let value else { continue }
                    let left = x(ci) - groupWidth / 2 + barWidth * Double(si)
                    let top = min(y(value), baseline)
                    let h = abs(baseline - y(value))
                    s.empty(
                        "rect",
                        ["x": n(left), "y": n(top), "width": n(barWidth - 1), "height": n(h), "fill": "#" + ChartPalette.colour(si)])
                    let ly = value >= 0 ? top - 4 : top + h + 12
                    label(&s, VietnameseFormat.number(value), x: left + barWidth / 2, y: ly, size: 11, anchor: "middle")
                }
            }
        case .line:
            for (si, series) in values.enumerated() {
                let colour = "#" + ChartPalette.colour(si)
                var path: [String] = []
                var pen = false
                for (ci, value) in series.enumerated() {
                    guard let value else {
                        pen = false
                        continue
                    }
                    path.append((pen ? "L" : "M") + "\(n(x(ci))) \(n(y(value)))")
                    pen = true
                }
                if !path.isEmpty {
                    s.empty(
                        "path",
                        [
                            "d": path.joined(separator: " "), "fill": "none", "stroke": colour, "stroke-width": "2.5",
                            "stroke-linejoin": "round",
                        ])
                }
                for (ci, value) in series.enumerated() {
                    guard let value else { continue }
                    s.empty("circle", ["cx": n(x(ci)), "cy": n(y(value)), "r": "3.5", "fill": colour])
                    label(&s, VietnameseFormat.number(value), x: x(ci), y: y(value) - 8, size: 11, anchor: "middle")
                }
            }
        }
        if let reference = chart.reference, reference.value.isFinite {
            let ry = y(reference.value)
            line(&s, plotLeft, ry, right, ry, colour: ChartPalette.reference, width: 2, dash: "7 4")
        }

        // Axes and category labels.
        line(&s, plotLeft, baseline, right, baseline, colour: ChartPalette.axis, width: 1)
        line(&s, plotLeft, plotTop, plotLeft, plotTop + plotHeight, colour: ChartPalette.axis, width: 1)
        let labelY = plotTop + plotHeight + 18
        for (ci, category) in categories.enumerated() {
            label(&s, category, x: x(ci), y: labelY, size: labelSize, anchor: rotate ? "end" : "middle", rotate: rotate ? -35 : nil)
        }

        // Legend.
        for item in legend.items {
            switch item.kind {
            case .box(let colour):
                s.empty("rect", ["x": n(item.x), "y": n(item.y - 10), "width": "12", "height": "12", "fill": "#" + colour])
            case .line(let colour, let dashed):
                line(&s, item.x, item.y - 4, item.x + 18, item.y - 4, colour: colour, width: 2.5, dash: dashed ? "6 3" : nil)
            }
            label(&s, item.label, x: item.x + 24, y: item.y, size: 13, anchor: "start")
        }
        s.close("svg")
        return s
    }

    private func line(
        _ s: inout XMLWriter, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double,
        dash: String? = nil
    ) {
        if let dash {
            s.empty(
                "line",
                [
                    "x1": n(x1), "y1": n(y1), "x2": n(x2), "y2": n(y2), "stroke": "#" + colour, "stroke-width": n(width),
                    "stroke-dasharray": dash,
                ])
        } else {
            s.empty("line", ["x1": n(x1), "y1": n(y1), "x2": n(x2), "y2": n(y2), "stroke": "#" + colour, "stroke-width": n(width)])
        }
    }

    private func label(
        _ s: inout XMLWriter, _ text: String, x: Double, y: Double, size: Double, anchor: String, rotate: Double? = nil
    ) {
        if let rotate {
            s.text(
                "text",
                [
                    "x": n(x), "y": n(y), "font-size": n(size), "text-anchor": anchor, "fill": "#000",
                    "transform": "rotate(\(n(rotate)) \(n(x)) \(n(y)))",
                ], text)
        } else {
            s.text("text", ["x": n(x), "y": n(y), "font-size": n(size), "text-anchor": anchor, "fill": "#000"], text)
        }
    }

    // MARK: Legend

    private struct LegendItem {
        enum Kind {
            case box(String)
            case line(String, dashed: Bool)
        }
        var kind: Kind
        var label: String
        var x: Double
        var y: Double
    }

    private func legendLayout(top: Double) -> (items: [LegendItem], bottom: Double) {
        var entries: [(LegendItem.Kind, String)] = chart.series.enumerated().map { i, series in
            (chart.kind == .bar ? .box(ChartPalette.colour(i)) : .line(ChartPalette.colour(i), dashed: false), series.name)
        }
        if let reference = chart.reference { entries.append((.line(ChartPalette.reference, dashed: true), reference.label)) }
        var rows: [[(LegendItem.Kind, String, Double)]] = [[]]
        var rowWidth = 0.0
        let available = width - 2 * plotRight
        for (kind, label) in entries {
            let itemWidth = 24 + TextMetrics.width(label, size: 13, face: .regular) + 20
            if rowWidth + itemWidth > available, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append((kind, label, itemWidth))
            rowWidth += itemWidth
        }
        var items: [LegendItem] = []
        var y = top + 12
        for row in rows where !row.isEmpty {
            let total = row.reduce(0) { $0 + $1.2 }
            var x = (width - total) / 2
            for (kind, label, itemWidth) in row {
                items.append(LegendItem(kind: kind, label: label, x: x, y: y))
                x += itemWidth
            }
            y += 20
        }
        return (items, y - 8)
    }

    // MARK: Helpers

    /// A coordinate with at most one decimal, independent of the locale.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
