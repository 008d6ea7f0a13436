import ArgumentParser
import BaocaoAccounts
import BaocaoServer
import BaocaoWorkspace
import Foundation
import Hummingbird

/// `baocao serve`: the web workspace over the current folder's Plans/, Plans/data/ and Output/.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the workspace in the browser (Trang web cho cán bộ tổng hợp và đơn vị).",
        discussion: """
            Serves the folder it is started in: Plans/, Plans/data/ and Output/, the same folders \
            the commands use. Accounts, sessions and the audit log are kept in baocao.sqlite in \
            that folder, created on first start; create accounts with `baocao user add`.
            """)

    @Option(name: .long, help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port.")
    var port: Int = 8080

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
            server = try WebServer(root: ".", database: database)
            _ = try server.planPath()
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
