import BaocaoDocument

/// `word/charts/chartN.xml`: a DrawingML bar or line chart that Word opens as a native,
/// editable chart. Every series carries its values in `c:strCache`/`c:numCache` (Word and
/// LibreOffice draw from those), every colour is an explicit sRGB value. The chart's figures
/// also travel in an embedded workbook (`ChartWorkbook`), named by `c:externalData` through the
/// chart part's relationship, so that Word's "Edit Data" opens them; `c:autoUpdate` is off, so
/// Word draws from the cache until the figures are edited.
struct DOCXChartWriter {
    let chart: Chart

    /// The relationship, in the chart part's `.rels`, to its embedded workbook.
    static let workbookRelId = "rId1"

    /// `word/charts/_rels/chartN.xml.rels`: the embedded workbook.
    static func relationships(number: Int) -> String {
        var x = XMLWriter()
        x.open("Relationships", ["xmlns": OOXML.packageRelationships])
        x.empty("Relationship", ["Id": workbookRelId, "Type": OOXML.relPackage, "Target": "../embeddings/\(workbookName(number))"])
        x.close("Relationships")
        return x.xml
    }

    /// The embedded workbook's file name, as Word names its own.
    static func workbookName(_ number: Int) -> String { "Microsoft_Excel_Worksheet\(number).xlsx" }

    private static let categoryAxisId = "500000001"
    private static let valueAxisId = "500000002"
    private static let secondCategoryAxisId = "500000003"
    private static let secondValueAxisId = "500000004"

    /// The categories' column letter is A; series take B, C, … as a sheet would.
    static func column(_ index: Int) -> String {
        var n = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + n % 26))) + name
            n = n / 26 - 1
        } while n >= 0
        return name
    }

    func write() -> String {
        var x = XMLWriter()
        x.open("c:chartSpace", ["xmlns:c": OOXML.c, "xmlns:a": OOXML.a, "xmlns:r": OOXML.r])
        x.empty("c:date1904", ["val": "0"])
        x.empty("c:lang", ["val": "vi-VN"])
        x.empty("c:roundedCorners", ["val": "0"])
        x.open("c:chart")
        x.empty("c:autoTitleDeleted", ["val": "1"])
        x.open("c:plotArea")
        x.empty("c:layout")
        let valueSeries = chart.series.enumerated().map { ($0.offset, $0.element) }
        // The reference line runs across the whole plot: it is drawn on a hidden second pair of
        // axes whose categories sit on the edges ("midCat") rather than in the middle of each
        // slot. With a single category there is no line to draw that way, so it shares the axes.
        let referenceAcross = chart.reference != nil && chart.categories.count >= 2
        switch chart.kind {
        case .bar:
            x.open("c:barChart")
            x.empty("c:barDir", ["val": "col"])
            x.empty("c:grouping", ["val": "clustered"])
            x.empty("c:varyColors", ["val": "0"])
            for (i, series) in valueSeries { barSeries(&x, index: i, series) }
            x.empty("c:gapWidth", ["val": "80"])
            axisIds(&x, secondary: false)
            x.close("c:barChart")
            if chart.reference != nil && !referenceAcross {
                referenceChart(&x, secondary: false)
            }
        case .line:
            x.open("c:lineChart")
            x.empty("c:grouping", ["val": "standard"])
            x.empty("c:varyColors", ["val": "0"])
            for (i, series) in valueSeries { lineSeries(&x, index: i, series) }
            if chart.reference != nil && !referenceAcross { referenceSeries(&x) }
            x.empty("c:marker", ["val": "1"])
            axisIds(&x, secondary: false)
            x.close("c:lineChart")
        }
        if referenceAcross { referenceChart(&x, secondary: true) }
        categoryAxis(&x)
        valueAxis(&x)
        if referenceAcross {
            hiddenCategoryAxis(&x)
            hiddenValueAxis(&x)
        }
        x.open("c:spPr")
        x.raw("<a:noFill/><a:ln><a:noFill/></a:ln>")
        x.close("c:spPr")
        x.close("c:plotArea")
        x.open("c:legend")
        x.empty("c:legendPos", ["val": "b"])
        x.empty("c:overlay", ["val": "0"])
        textProperties(&x, size: 1100)
        x.close("c:legend")
        x.empty("c:plotVisOnly", ["val": "1"])
        x.empty("c:dispBlanksAs", ["val": "gap"])
        x.close("c:chart")
        x.open("c:spPr")
        x.raw("<a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln><a:noFill/></a:ln>")
        x.close("c:spPr")
        textProperties(&x, size: 1100)
        x.open("c:externalData", ["r:id": Self.workbookRelId])
        x.empty("c:autoUpdate", ["val": "0"])
        x.close("c:externalData")
        x.close("c:chartSpace")
        return x.xml
    }

    private func axisIds(_ x: inout XMLWriter, secondary: Bool) {
        x.empty("c:axId", ["val": secondary ? Self.secondCategoryAxisId : Self.categoryAxisId])
        x.empty("c:axId", ["val": secondary ? Self.secondValueAxisId : Self.valueAxisId])
    }

    private func referenceChart(_ x: inout XMLWriter, secondary: Bool) {
        x.open("c:lineChart")
        x.empty("c:grouping", ["val": "standard"])
        x.empty("c:varyColors", ["val": "0"])
        referenceSeries(&x)
        x.empty("c:marker", ["val": "1"])
        axisIds(&x, secondary: secondary)
        x.close("c:lineChart")
    }

    // MARK: Series

    private func barSeries(_ x: inout XMLWriter, index: Int, _ series: Chart.Series) {
        x.open("c:ser")
        x.empty("c:idx", ["val": String(index)])
        x.empty("c:order", ["val": String(index)])
        seriesName(&x, column: index + 1, name: series.name)
        x.open("c:spPr")
        x.raw("<a:solidFill><a:srgbClr val=\"\(ChartPalette.colour(index))\"/></a:solidFill><a:ln><a:noFill/></a:ln>")
        x.close("c:spPr")
        x.empty("c:invertIfNegative", ["val": "0"])
        dataLabels(&x, position: "outEnd", series.values)
        categories(&x)
        values(&x, column: index + 1, series.values)
        x.close("c:ser")
    }

    private func lineSeries(_ x: inout XMLWriter, index: Int, _ series: Chart.Series) {
        let colour = ChartPalette.colour(index)
        x.open("c:ser")
        x.empty("c:idx", ["val": String(index)])
        x.empty("c:order", ["val": String(index)])
        seriesName(&x, column: index + 1, name: series.name)
        x.open("c:spPr")
        x.raw("<a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:round/></a:ln>")
        x.close("c:spPr")
        x.open("c:marker")
        x.empty("c:symbol", ["val": "circle"])
        x.empty("c:size", ["val": "6"])
        x.open("c:spPr")
        x.raw(
            "<a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill></a:ln>"
        )
        x.close("c:spPr")
        x.close("c:marker")
        dataLabels(&x, position: "t", series.values)
        categories(&x)
        values(&x, column: index + 1, series.values)
        x.empty("c:smooth", ["val": "0"])
        x.close("c:ser")
    }

    /// The reference (e.g. the monthly requirement) as a dashed red line across the categories.
    private func referenceSeries(_ x: inout XMLWriter) {
        guard let reference = chart.reference else { return }
        let index = chart.series.count
        x.open("c:ser")
        x.empty("c:idx", ["val": String(index)])
        x.empty("c:order", ["val": String(index)])
        seriesName(&x, column: index + 1, name: reference.label)
        x.open("c:spPr")
        x.raw(
            "<a:ln w=\"22225\" cap=\"flat\"><a:solidFill><a:srgbClr val=\"\(ChartPalette.reference)\"/></a:solidFill>"
                + "<a:prstDash val=\"dash\"/><a:round/></a:ln>")
        x.close("c:spPr")
        x.open("c:marker")
        x.empty("c:symbol", ["val": "none"])
        x.close("c:marker")
        categories(&x)
        values(&x, column: index + 1, chart.categories.map { _ in reference.value })
        x.empty("c:smooth", ["val": "0"])
        x.close("c:ser")
    }

    private func seriesName(_ x: inout XMLWriter, column: Int, name: String) {
        x.open("c:tx")
        x.open("c:strRef")
        x.text("c:f", "Sheet1!$\(Self.column(column))$1")
        x.open("c:strCache")
        x.empty("c:ptCount", ["val": "1"])
        x.open("c:pt", ["idx": "0"])
        x.text("c:v", name)
        x.close("c:pt")
        x.close("c:strCache")
        x.close("c:strRef")
        x.close("c:tx")
    }

    private func categories(_ x: inout XMLWriter) {
        let count = chart.categories.count
        x.open("c:cat")
        x.open("c:strRef")
        x.text("c:f", "Sheet1!$A$2:$A$\(count + 1)")
        x.open("c:strCache")
        x.empty("c:ptCount", ["val": String(count)])
        for (i, category) in chart.categories.enumerated() {
            x.open("c:pt", ["idx": String(i)])
            x.text("c:v", category)
            x.close("c:pt")
        }
        x.close("c:strCache")
        x.close("c:strRef")
        x.close("c:cat")
    }

    /// One value per category; a missing or non-finite value is left out (a gap).
    private func values(_ x: inout XMLWriter, column: Int, _ values: [Double?]) {
        let count = chart.categories.count
        let letter = Self.column(column)
        x.open("c:val")
        x.open("c:numRef")
        x.text("c:f", "Sheet1!$\(letter)$2:$\(letter)$\(count + 1)")
        x.open("c:numCache")
        x.text("c:formatCode", "General")
        x.empty("c:ptCount", ["val": String(count)])
        for i in 0..<count {
            guard i < values.count, let value = values[i], value.isFinite else { continue }
            x.open("c:pt", ["idx": String(i)])
            x.text("c:v", ChartPalette.xmlNumber(value))
            x.close("c:pt")
        }
        x.close("c:numCache")
        x.close("c:numRef")
        x.close("c:val")
    }

    /// Value labels written the Vietnamese way ("90,02", "1.234"), point by point, so that they
    /// read the same whatever the reader's locale.
    private func dataLabels(_ x: inout XMLWriter, position: String, _ values: [Double?]) {
        x.open("c:dLbls")
        for i in chart.categories.indices {
            guard i < values.count, let value = values[i], value.isFinite else { continue }
            x.open("c:dLbl")
            x.empty("c:idx", ["val": String(i)])
            x.open("c:tx")
            x.open("c:rich")
            x.raw("<a:bodyPr/><a:lstStyle/>")
            x.open("a:p")
            x.open("a:r")
            x.raw("<a:rPr lang=\"vi-VN\"/>")
            x.text("a:t", VietnameseFormat.number(value))
            x.close("a:r")
            x.close("a:p")
            x.close("c:rich")
            x.close("c:tx")
            x.open("c:spPr")
            x.raw("<a:noFill/><a:ln><a:noFill/></a:ln>")
            x.close("c:spPr")
            textProperties(&x, size: 1000)
            x.empty("c:dLblPos", ["val": position])
            labelFlags(&x)
            x.close("c:dLbl")
        }
        x.open("c:spPr")
        x.raw("<a:noFill/><a:ln><a:noFill/></a:ln>")
        x.close("c:spPr")
        textProperties(&x, size: 1000)
        x.empty("c:dLblPos", ["val": position])
        labelFlags(&x)
        x.close("c:dLbls")
    }

    private func labelFlags(_ x: inout XMLWriter) {
        x.empty("c:showLegendKey", ["val": "0"])
        x.empty("c:showVal", ["val": "1"])
        x.empty("c:showCatName", ["val": "0"])
        x.empty("c:showSerName", ["val": "0"])
        x.empty("c:showPercent", ["val": "0"])
        x.empty("c:showBubbleSize", ["val": "0"])
    }

    // MARK: Axes

    private func categoryAxis(_ x: inout XMLWriter) {
        x.open("c:catAx")
        x.empty("c:axId", ["val": Self.categoryAxisId])
        x.open("c:scaling")
        x.empty("c:orientation", ["val": "minMax"])
        x.close("c:scaling")
        x.empty("c:delete", ["val": "0"])
        x.empty("c:axPos", ["val": "b"])
        x.empty("c:numFmt", ["formatCode": "General", "sourceLinked": "1"])
        x.empty("c:majorTickMark", ["val": "out"])
        x.empty("c:minorTickMark", ["val": "none"])
        x.empty("c:tickLblPos", ["val": "low"])
        axisLine(&x)
        textProperties(&x, size: 1100)
        x.empty("c:crossAx", ["val": Self.valueAxisId])
        x.empty("c:crosses", ["val": "autoZero"])
        x.empty("c:auto", ["val": "1"])
        x.empty("c:lblAlgn", ["val": "ctr"])
        x.empty("c:lblOffset", ["val": "100"])
        x.empty("c:noMultiLvlLbl", ["val": "0"])
        x.close("c:catAx")
    }

    /// The value axis's range and step, fixed so that Word, LibreOffice and the HTML draw the
    /// same axis and bars stand on zero.
    private func scaling(_ x: inout XMLWriter) {
        let scale = Scale(for: chart)
        x.open("c:scaling")
        x.empty("c:orientation", ["val": "minMax"])
        x.empty("c:max", ["val": ChartPalette.xmlNumber(scale.high)])
        x.empty("c:min", ["val": ChartPalette.xmlNumber(scale.low)])
        x.close("c:scaling")
    }

    private func valueAxis(_ x: inout XMLWriter) {
        x.open("c:valAx")
        x.empty("c:axId", ["val": Self.valueAxisId])
        scaling(&x)
        x.empty("c:delete", ["val": "0"])
        x.empty("c:axPos", ["val": "l"])
        x.open("c:majorGridlines")
        x.open("c:spPr")
        x.raw("<a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"\(ChartPalette.gridline)\"/></a:solidFill></a:ln>")
        x.close("c:spPr")
        x.close("c:majorGridlines")
        if let unit = chart.unit, !unit.isEmpty {
            x.open("c:title")
            x.open("c:tx")
            x.open("c:rich")
            x.raw("<a:bodyPr rot=\"-5400000\" vert=\"horz\"/><a:lstStyle/>")
            x.open("a:p")
            x.open("a:pPr")
            defaultRunProperties(&x, size: 1000, bold: false)
            x.close("a:pPr")
            x.open("a:r")
            x.raw("<a:rPr lang=\"vi-VN\" sz=\"1000\" b=\"0\"/>")
            x.text("a:t", unit)
            x.close("a:r")
            x.close("a:p")
            x.close("c:rich")
            x.close("c:tx")
            x.empty("c:overlay", ["val": "0"])
            x.close("c:title")
        }
        x.empty("c:numFmt", ["formatCode": Scale(for: chart).excelFormat, "sourceLinked": "0"])
        x.empty("c:majorTickMark", ["val": "out"])
        x.empty("c:minorTickMark", ["val": "none"])
        x.empty("c:tickLblPos", ["val": "nextTo"])
        axisLine(&x)
        textProperties(&x, size: 1000)
        x.empty("c:crossAx", ["val": Self.categoryAxisId])
        x.empty("c:crosses", ["val": "autoZero"])
        x.empty("c:crossBetween", ["val": "between"])
        x.empty("c:majorUnit", ["val": ChartPalette.xmlNumber(Scale(for: chart).step)])
        x.close("c:valAx")
    }

    /// The hidden category axis of the reference line: categories on the edges of the plot.
    private func hiddenCategoryAxis(_ x: inout XMLWriter) {
        x.open("c:catAx")
        x.empty("c:axId", ["val": Self.secondCategoryAxisId])
        x.open("c:scaling")
        x.empty("c:orientation", ["val": "minMax"])
        x.close("c:scaling")
        x.empty("c:delete", ["val": "1"])
        x.empty("c:axPos", ["val": "b"])
        x.empty("c:majorTickMark", ["val": "none"])
        x.empty("c:minorTickMark", ["val": "none"])
        x.empty("c:tickLblPos", ["val": "nextTo"])
        x.empty("c:crossAx", ["val": Self.secondValueAxisId])
        x.empty("c:crosses", ["val": "autoZero"])
        x.empty("c:auto", ["val": "1"])
        x.empty("c:lblAlgn", ["val": "ctr"])
        x.empty("c:lblOffset", ["val": "100"])
        x.empty("c:noMultiLvlLbl", ["val": "0"])
        x.close("c:catAx")
    }

    /// The hidden value axis of the reference line, on the same scale as the visible one.
    private func hiddenValueAxis(_ x: inout XMLWriter) {
        x.open("c:valAx")
        x.empty("c:axId", ["val": Self.secondValueAxisId])
        scaling(&x)
        x.empty("c:delete", ["val": "1"])
        x.empty("c:axPos", ["val": "r"])
        x.empty("c:numFmt", ["formatCode": "General", "sourceLinked": "0"])
        x.empty("c:majorTickMark", ["val": "none"])
        x.empty("c:minorTickMark", ["val": "none"])
        x.empty("c:tickLblPos", ["val": "nextTo"])
        x.empty("c:crossAx", ["val": Self.secondCategoryAxisId])
        x.empty("c:crosses", ["val": "max"])
        x.empty("c:crossBetween", ["val": "midCat"])
        x.empty("c:majorUnit", ["val": ChartPalette.xmlNumber(Scale(for: chart).step)])
        x.close("c:valAx")
    }

    private func axisLine(_ x: inout XMLWriter) {
        x.open("c:spPr")
        x.raw("<a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"\(ChartPalette.axis)\"/></a:solidFill></a:ln>")
        x.close("c:spPr")
    }

    // MARK: Text

    /// Times New Roman, black, at `size` hundredths of a point.
    private func textProperties(_ x: inout XMLWriter, size: Int) {
        x.open("c:txPr")
        x.raw("<a:bodyPr/><a:lstStyle/>")
        x.open("a:p")
        x.open("a:pPr")
        defaultRunProperties(&x, size: size, bold: false)
        x.close("a:pPr")
        x.empty("a:endParaRPr", ["lang": "vi-VN"])
        x.close("a:p")
        x.close("c:txPr")
    }

    private func defaultRunProperties(_ x: inout XMLWriter, size: Int, bold: Bool) {
        x.open("a:defRPr", ["sz": String(size), "b": bold ? "1" : "0"])
        x.raw("<a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill>")
        x.empty("a:latin", ["typeface": OOXML.font])
        x.empty("a:ea", ["typeface": OOXML.font])
        x.empty("a:cs", ["typeface": OOXML.font])
        x.close("a:defRPr")
    }
}
