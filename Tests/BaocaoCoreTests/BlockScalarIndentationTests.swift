import BaocaoCore
import Testing

/// A line of a `key: |` block indented less than the block ends the block; YAML then reads the
/// line as a key and stops with "could not find expected ':'". The officer is told about the
/// block's indentation instead, at the line itself.
@Suite("Block scalar indentation")
struct BlockScalarIndentationTests {
    func diagnostics(_ text: String) -> [Diagnostic] {
        let bag = DiagnosticBag()
        #expect(YAMLSource.parse(text: text, displayPath: "t.yaml", bag: bag) == nil)
        return bag.sorted
    }

    @Test func aTemplateLineIndentedLikeTheKeysGetsTheBlockHint() throws {
        let text = """
            areas:
              - id: a
                template: |
                  Dòng một của mẫu,
                  dòng hai của mẫu
                có 12 vi phạm trong kỳ
                  dòng bốn.
                indicators: []

            """
        let d = try #require(diagnostics(text).first)
        #expect(d.location.line == 6)
        #expect(d.location.column == 5)
        #expect(d.message.contains("khối văn bản nhiều dòng mở ở dòng 3"), "\(d.message)")
        #expect(d.message.contains("(4 dấu cách thay vì 6)"), "\(d.message)")
        #expect(d.message.contains("block scalar line indented too little"), "\(d.message)")
        #expect(!d.message.contains("thiếu dấu ':'"), "\(d.message)")
    }

    @Test func aFoldedBlockAndAnIndentationBetweenTheKeysAndTheBlockToo() throws {
        let text = "a:\n  caption: >-\n      Dòng một\n     dòng hai lệch\n  b: 1\n"
        let d = try #require(diagnostics(text).first)
        #expect(d.location.line == 4, "\(d)")
        #expect(d.message.contains("(5 dấu cách thay vì 6)"), "\(d.message)")
    }

    /// Without a block above, the message is the usual one.
    @Test func aMissingColonElsewhereIsUnchanged() throws {
        let d = try #require(diagnostics("plan:\n  title: X\n  year:2026\n  place: Y\n").first)
        #expect(d.message.contains("thiếu dấu ':' sau khóa"), "\(d.message)")
    }
}
