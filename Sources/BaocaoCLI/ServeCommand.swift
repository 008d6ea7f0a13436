import ArgumentParser
import BaocaoAccounts
import BaocaoRender
import BaocaoServer
import BaocaoWorkspace
import Foundation
import Hummingbird

/// `baocao serve`: the web workspace over the current folder's Plans/, Plans/data/ and Output/.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Trang web cho cán bộ tổng hợp và đơn vị, trên thư mục dự án (serve the workspace in the browser).",
        discussion: """
            Phục vụ thư mục nơi lệnh được chạy: Plans/, Plans/data/ và Output/, cũng là các thư \
            mục các lệnh khác dùng. Tài khoản, phiên đăng nhập và nhật ký được giữ trong \
            baocao.sqlite ở thư mục đó, tạo khi chạy lần đầu; tạo tài khoản bằng baocao user add. \
            (Serves this folder's Plans/ and Output/; accounts in baocao.sqlite.)
            """)

    @Option(name: .long, help: "Địa chỉ lắng nghe: 127.0.0.1 chỉ máy này, 0.0.0.0 mọi giao diện mạng (the address to listen on).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Cổng (the port).")
    var port: Int = 8080

    @Option(
        name: .long,
        help: "The formats a compile writes, comma-separated (default: docx,pdf,md,html,json; pdf only when LibreOffice is installed).")
    var format: String?

    func run() async throws {
        let console = Console.current
        let database: WorkspaceDatabase
        do {
            database = try WorkspaceDatabase(workspace: ".")
        } catch {
            console.error("baocao: \(error)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        let server: WebServer
        do {
            let formats = format.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
            if let formats, formats.isEmpty || formats.contains(where: { Renderers.renderer(for: $0) == nil }) || !formats.contains("html")
            {
                console.error(
                    "baocao: --format cần các định dạng trong: \(Renderers.formats.joined(separator: ", ")), có html (để xem trên trang). (unknown format)"
                )
                throw ExitCode(ExitStatus.usage)
            }
            server = try WebServer(root: ".", database: database, formats: formats)
            _ = try server.planPath()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.error(
                "baocao: không tìm thấy kế hoạch nào trong thư mục Plans/; hãy chạy `baocao serve` trong thư mục dự án. (no plan found)")
            throw ExitCode(ExitStatus.noInput)
        }
        if try database.isEmpty {
            console.print("Chưa có tài khoản nào. Tạo tài khoản cán bộ tổng hợp đầu tiên (mật khẩu được hỏi, không hiện ra):")
            console.print("  swift run baocao user add <tên-đăng-nhập> --role officer")
            console.print("Tài khoản đơn vị: baocao user add <tên> --role unit --unit <mã đơn vị>; lãnh đạo: --role viewer.")
        }
        let host = self.host
        let app = server.application(host: host, port: port) { port in
            console.print("baocao serve: mở http://\(host):\(port)/ trong trình duyệt (Ctrl+C để dừng).")
        }
        try await app.runService()
    }
}
