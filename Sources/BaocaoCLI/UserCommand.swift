import ArgumentParser
import BaocaoAccounts
import BaocaoCore
import BaocaoWorkspace
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `baocao user add|list|remove|password`: the web workspace's accounts, in the workspace
/// database (baocao.sqlite beside Plans/).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the web workspace's accounts (Tài khoản của trang web baocao serve).",
        discussion: """
            Roles: officer (cán bộ tổng hợp: everything), unit (cán bộ đơn vị: only its own unit, \
            given with --unit), viewer (lãnh đạo: reads the dashboard and the reports). Passwords \
            are asked twice on a terminal without being shown, or read from the first line of \
            standard input (echo … | baocao user add …). They are stored only as bcrypt hashes.
            """,
        subcommands: [Add.self, List.self, Remove.self, Password.self])

    struct Location: ParsableArguments {
        @Option(name: .long, help: "The workspace folder holding Plans/ (default: the current folder).")
        var workspace: String = "."

        func open() throws -> WorkspaceDatabase {
            do {
                return try WorkspaceDatabase(workspace: workspace)
            } catch {
                Console.current.error("baocao: \(error)")
                throw ExitCode(ExitStatus.cannotWrite)
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

        @Argument(help: "The login name, e.g. nguyenvana.")
        var name: String

        @Option(name: .long, help: "officer, unit or viewer.")
        var role: String

        @Option(name: .long, help: "For a unit account: the plan's unit id.")
        var unit: String?

        @Option(name: .long, help: "The plan, to check the unit id (default: the newest plan in Plans/).")
        var plan: String?

        @OptionGroup var location: Location

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                Console.current.error("baocao: vai trò '\(role)' không có; chọn officer, unit hoặc viewer. (unknown role)")
                throw ExitCode(ExitStatus.usage)
            }
            if let unit, role == .unit {
                let (loaded, _) = try Workspace.loadPlan(plan ?? Workspace.resolvePlanPath(nil, workspace: location.workspace))
                guard loaded.reportingUnits.contains(where: { $0.id == unit }) else {
                    Console.current.error(
                        "baocao: không có đơn vị nộp số liệu '\(unit)' trong kế hoạch \(loaded.file) (cần một trong: \(loaded.reportingUnits.map(\.id).joined(separator: ", "))). (unknown unit)"
                    )
                    throw ExitCode(ExitStatus.usage)
                }
            }
            let database = try location.open()
            let password = try readPassword()
            do {
                let account = try database.addAccount(name: name, role: role, unit: unit, password: password, by: "cli")
                Console.current.print(
                    "Đã tạo tài khoản \(account.name) (\(role.label)\(account.unit.map { ", đơn vị \($0)" } ?? "")) trong \(database.path)."
                )
            } catch {
                Console.current.error("baocao: \(error)")
                throw ExitCode(ExitStatus.usage)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

        @OptionGroup var location: Location

        func run() async throws {
            let database = try location.open()
            let accounts = try database.accounts()
            if accounts.isEmpty {
                Console.current.print("Chưa có tài khoản nào. Tạo tài khoản đầu tiên: baocao user add <tên> --role officer")
                return
            }
            var rows = [["Tài khoản", "Vai trò", "Đơn vị"]]
            rows += accounts.map { [$0.name, "\($0.role.rawValue) (\($0.role.label))", $0.unit ?? "—"] }
            for line in alignedColumns(rows) { Console.current.print(line) }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account (its sessions end).")

        @Argument(help: "The login name.")
        var name: String

        @OptionGroup var location: Location

        func run() async throws {
            let database = try location.open()
            do {
                try database.removeAccount(name: name, by: "cli")
            } catch {
                Console.current.error("baocao: \(error)")
                throw ExitCode(ExitStatus.noInput)
            }
            Console.current.print("Đã xóa tài khoản \(name).")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password", abstract: "Set an account's password (its sessions end).")

        @Argument(help: "The login name.")
        var name: String

        @OptionGroup var location: Location

        func run() async throws {
            let database = try location.open()
            guard try database.account(named: name) != nil else {
                Console.current.error("baocao: không có tài khoản '\(name)'. (no such account)")
                throw ExitCode(ExitStatus.noInput)
            }
            let password = try readPassword()
            do {
                try database.setPassword(name: name, password: password, by: "cli")
            } catch {
                Console.current.error("baocao: \(error)")
                throw ExitCode(ExitStatus.usage)
            }
            Console.current.print("Đã đổi mật khẩu của \(name).")
        }
    }
}

/// A password: asked twice without echo on a terminal, else the first line of standard input.
func readPassword() throws -> String {
    guard isatty(STDIN_FILENO) != 0 else {
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            Console.current.error("baocao: không đọc được mật khẩu từ đầu vào chuẩn (dòng đầu tiên). (no password on stdin)")
            throw ExitCode(ExitStatus.usage)
        }
        return line
    }
    let first = readHidden("Mật khẩu: ")
    let second = readHidden("Nhập lại mật khẩu: ")
    guard first == second else {
        Console.current.error("baocao: hai lần nhập mật khẩu không khớp. (passwords differ)")
        throw ExitCode(ExitStatus.usage)
    }
    return first
}

/// Reads a line from the terminal with echo turned off.
private func readHidden(_ prompt: String) -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    let line = Swift.readLine(strippingNewline: true) ?? ""
    tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    FileHandle.standardError.write(Data("\n".utf8))
    return line
}
