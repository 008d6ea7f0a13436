import Mustache

/// The pages' Mustache templates. They are compiled into the binary (not read from disk), so a
/// release binary copied to the office's server needs nothing beside it.
enum Templates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    static let all: [(String, String)] = [
        ("layout", layout), ("login", login), ("dashboard", dashboard), ("dataForm", dataForm), ("conflict", conflict),
        ("reports", reports), ("diff", diff), ("plan", plan), ("audit", audit), ("message", message),
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — baocao</title>
        <style>
        body{font-family:"Liberation Sans",Arial,sans-serif;margin:0;color:#1d2733;background:#f5f6f8}
        header{background:#7a1f1f;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center;flex-wrap:wrap}
        header a{color:#fff}header form{margin:0 0 0 auto}
        main{max-width:72em;margin:1em auto;padding:0 1em;background:#fff;padding:1em 1.5em 2em}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ccd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#eef0f4}.ok{color:#1b6e2a}.bad{color:#a11}.warn{color:#8a5a00}
        .error{color:#a11;font-size:.92em;margin:.2em 0}.field-error input,.field-error textarea{border:2px solid #a11}
        fieldset{border:1px solid #ccd;margin:1em 0}legend{font-weight:bold}
        label{display:block;margin:.3em 0 .1em}.hint{color:#556;font-size:.9em}
        input[type=text],input[type=password],textarea,select{width:100%;max-width:40em;box-sizing:border-box;padding:.3em}
        .indicator{border-top:1px solid #e3e5ea;padding:.5em 0}.flash{background:#e8f4ea;border:1px solid #9c9;padding:.5em}
        .alert{background:#fbeaea;border:1px solid #d99;padding:.5em}button{padding:.4em 1em}
        pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;border:1px solid #ddd}
        </style>
        </head>
        <body>
        <header><strong>baocao</strong>
        {{#session}}
        {{#canDashboard}}<a href="/">Bảng theo dõi</a>{{/canDashboard}}
        {{#isUnit}}<a href="/">Số liệu của đơn vị</a>{{/isUnit}}
        {{#isOfficer}}<a href="/ke-hoach">Kế hoạch</a>{{/isOfficer}}
        {{#canAudit}}<a href="/nhat-ky">Nhật ký</a>{{/canAudit}}
        <span>{{name}} ({{roleLabel}})</span>
        <form method="post" action="/dang-xuat"><input type="hidden" name="csrf" value="{{csrf}}"><button>Đăng xuất</button></form>
        {{/session}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{#flash}}<p class="flash">{{flash}}</p>{{/flash}}
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let login = """
        {{#error}}<p class="alert" id="loi-dang-nhap">{{error}}</p>{{/error}}
        <form method="post" action="/dang-nhap">
        <label for="ten">Tên đăng nhập</label><input type="text" id="ten" name="ten" value="{{name}}" autocomplete="username" required>
        <label for="mat-khau">Mật khẩu</label><input type="password" id="mat-khau" name="mat_khau" autocomplete="current-password" required>
        <p><button type="submit" id="dang-nhap">Đăng nhập</button></p>
        </form>
        """

    static let dashboard = """
        <form method="get" action="/"><label for="ky">Kỳ báo cáo</label>
        <select id="ky" name="ky">{{#periods}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select>
        <button>Xem</button></form>
        {{#status}}
        <p>Thời gian chốt số liệu: {{window}}. Hạn gửi: <strong>{{deadline}}</strong> — <span class="{{daysClass}}">{{daysText}}</span>.</p>
        <table id="tinh-hinh"><tr><th>Đơn vị</th><th>Đã nộp</th><th>Chưa nộp</th><th>Lỗi</th><th>Tình trạng</th><th></th></tr>
        {{#units}}<tr id="don-vi-{{unit}}"><td>{{name}}</td><td>{{submitted}}</td><td>{{missing}}</td><td>{{invalid}}</td>
        <td class="{{stateClass}}">{{state}}</td><td>{{#canEdit}}<a href="/du-lieu/{{period}}/{{unit}}">Nhập số liệu</a>{{/canEdit}}</td></tr>{{/units}}
        </table>
        {{#hasErrors}}<h2>Lỗi trong số liệu của kỳ</h2><ul>{{#errors}}<li class="bad">{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}</li>{{/errors}}</ul>{{/hasErrors}}
        <p>Phần báo cáo chưa đủ: {{incomplete}}.</p>
        {{/status}}
        {{#hasWarnings}}<h2>Cảnh báo khi kiểm tra (validate)</h2><ul>{{#warnings}}<li class="warn">{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}</li>{{/warnings}}</ul>{{/hasWarnings}}
        {{#canReports}}<p><a href="/bao-cao/{{selected}}" id="bao-cao">Báo cáo {{selectedLabel}}: biên soạn, các bản, tải về</a></p>{{/canReports}}
        """

    static let dataForm = """
        <p>{{unitName}} — {{periodLabel}}. Thời gian chốt số liệu: {{window}}. Hạn gửi: {{deadline}}.</p>
        {{#closed}}<p class="alert">Kỳ này đã có bản báo cáo được gửi đi; số liệu chỉ còn xem, không sửa được.</p>{{/closed}}
        {{#unsupported}}<p class="alert">Tệp số liệu có các chỉ tiêu ghi theo nhóm hoặc kết quả năm trước ({{unsupported}}); hãy sửa trực tiếp tệp {{path}}.</p>{{/unsupported}}
        {{#hasErrors}}<p class="alert" id="co-loi">Chưa lưu: số liệu có {{errorCount}} lỗi, xem ghi chú đỏ cạnh từng ô.</p>{{/hasErrors}}
        {{#otherErrors}}<p class="error">{{.}}</p>{{/otherErrors}}
        <form method="post" action="/du-lieu/{{period}}/{{unit}}" id="bieu-mau">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="digest" value="{{digest}}">
        {{#groups}}<fieldset><legend>{{title}}</legend>
        {{#indicators}}<div class="indicator" id="chi-tieu-{{id}}"><strong>{{label}}</strong>{{#measure}} ({{measure}}){{/measure}}
        <div class="hint">{{expectation}}{{#definition}} — {{definition}}{{/definition}}</div>
        {{#fields}}<div class="{{#errors.0}}field-error{{/errors.0}}"><label for="{{name}}">{{label}}</label>
        <input type="text" id="{{name}}" name="{{name}}" value="{{value}}"{{#readonly}} readonly{{/readonly}}>
        {{#errors}}<p class="error" data-field="{{name}}">{{.}}</p>{{/errors}}</div>{{/fields}}
        </div>{{/indicators}}
        </fieldset>{{/groups}}
        {{#narratives}}<fieldset><legend>{{title}}</legend>
        {{#rows}}<div class="{{#errors.0}}field-error{{/errors.0}}"><label for="{{key}}.text">Nội dung {{number}}</label>
        <textarea id="{{key}}.text" name="{{key}}.text" rows="2"{{#readonly}} readonly{{/readonly}}>{{text}}</textarea>
        {{#isLimitation}}<label for="{{key}}.cause">Nguyên nhân</label><textarea id="{{key}}.cause" name="{{key}}.cause" rows="2">{{cause}}</textarea>{{/isLimitation}}
        <label for="{{key}}.area">Lĩnh vực</label><select id="{{key}}.area" name="{{key}}.area"><option value="">(không ghi)</option>{{#areas}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/areas}}</select>
        <input type="hidden" name="{{key}}.task" value="{{task}}">
        {{#errors}}<p class="error">{{.}}</p>{{/errors}}</div>{{/rows}}
        </fieldset>{{/narratives}}
        {{^closed}}<p><button type="submit" id="luu">Lưu số liệu</button></p>{{/closed}}
        </form>
        <h2>Biểu mẫu Excel</h2>
        <p><a href="/du-lieu/{{period}}/{{unit}}/bieu-mau.xlsx" id="tai-bieu-mau">Tải biểu mẫu trống (.xlsx)</a></p>
        {{^closed}}<form method="post" action="/du-lieu/{{period}}/{{unit}}/tai-len" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="digest" value="{{digest}}">
        <label for="tep">Tải lên biểu mẫu đã điền</label><input type="file" id="tep" name="tep" accept=".xlsx">
        <button type="submit">Nhập từ Excel</button></form>{{/closed}}
        {{#uploadErrors.0}}<div class="alert"><p>Biểu mẫu Excel có lỗi, chưa nhập:</p><ul>{{#uploadErrors}}<li>{{.}}</li>{{/uploadErrors}}</ul></div>{{/uploadErrors.0}}
        """

    static let conflict = """
        <p class="alert">Tệp số liệu {{path}} đã được người khác sửa sau khi anh/chị mở biểu mẫu. Số liệu của anh/chị CHƯA được lưu, để không ghi đè lên thay đổi đó.</p>
        <table id="khac-biet"><tr><th>Ô</th><th>Trong tệp hiện nay</th><th>Anh/chị nhập</th></tr>
        {{#changes}}<tr><td>{{field}}</td><td>{{current}}</td><td>{{mine}}</td></tr>{{/changes}}</table>
        <p><a href="/du-lieu/{{period}}/{{unit}}">Mở lại biểu mẫu với số liệu hiện nay</a>, rồi nhập lại các thay đổi của anh/chị.</p>
        """

    static let reports = """
        {{#isOfficer}}<h2>Biên soạn</h2>
        <form method="post" action="/bao-cao/{{period}}/bien-soan"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="so">Số báo cáo (để trống: bản dự thảo)</label><input type="text" id="so" name="so" value="">
        <label for="ngay">Ngày ký (YYYY-MM-DD)</label><input type="text" id="ngay" name="ngay" value="">
        <p><button type="submit" id="bien-soan">Biên soạn</button></p></form>{{/isOfficer}}
        {{#compileErrors.0}}<div class="alert"><ul>{{#compileErrors}}<li>{{.}}</li>{{/compileErrors}}</ul></div>{{/compileErrors.0}}
        {{#warnings.0}}<h2>Cảnh báo</h2><ul>{{#warnings}}<li class="warn">{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}</li>{{/warnings}}</ul>{{/warnings.0}}
        <h2>Các bản</h2>
        {{^versions.0}}<p>Chưa có bản nào.</p>{{/versions.0}}
        {{#versions.0}}<table id="cac-ban"><tr><th>Bản</th><th>Số, ngày ký</th><th>Tải về</th><th>Gửi</th></tr>
        {{#versions}}<tr id="ban-{{version}}"><td><a href="/bao-cao/{{period}}/{{version}}/xem">{{version}}</a>{{#latest}} (hiện hành){{/latest}}</td><td>{{signed}}</td>
        <td>{{#downloads}}<a href="/bao-cao/{{period}}/{{version}}/tai/{{format}}">{{format}}</a> {{/downloads}}</td>
        <td>{{#sent}}{{sent}}{{/sent}}{{^sent}}{{#isOfficer}}<form method="post" action="/bao-cao/{{period}}/{{version}}/da-gui"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="text" name="so" placeholder="Số" aria-label="Số đã gửi" required> <input type="text" name="ngay" placeholder="YYYY-MM-DD" aria-label="Ngày gửi" required>
        <button>Đánh dấu đã gửi</button></form>{{/isOfficer}}{{/sent}}</td></tr>{{/versions}}</table>
        <form method="get" action="/bao-cao/{{period}}/so-sanh"><label for="a">So sánh bản</label>
        <select id="a" name="a">{{#versions}}<option>{{version}}</option>{{/versions}}</select> với
        <select name="b" aria-label="bản sau">{{#versions}}<option{{#latest}} selected{{/latest}}>{{version}}</option>{{/versions}}</select> <button>So sánh</button></form>
        {{/versions.0}}
        """

    static let diff = """
        <pre id="so-sanh">{{text}}</pre><p><a href="/bao-cao/{{period}}">Trở lại các bản</a></p>
        """

    static let plan = """
        <p>Tệp: {{file}}. Năm {{year}}.</p>
        <h2>Các kỳ báo cáo</h2><table><tr><th>Kỳ</th><th>Thời gian chốt số liệu</th><th>Hạn gửi</th></tr>
        {{#periods}}<tr><td>{{label}}</td><td>{{window}}</td><td>{{deadline}}</td></tr>{{/periods}}</table>
        <h2>Đơn vị</h2><ul>{{#units}}<li>{{id}} — {{name}}</li>{{/units}}</ul>
        <h2>Lĩnh vực và chỉ tiêu</h2>{{#areas}}<h3>{{title}}</h3><ul>{{#indicators}}<li>{{id}}: {{label}}{{#measure}} ({{measure}}){{/measure}} — {{reportedBy}}</li>{{/indicators}}</ul>{{/areas}}
        <h2>Tải lên kế hoạch mới</h2>
        <form method="post" action="/ke-hoach" enctype="multipart/form-data"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="ke-hoach">Tệp kế hoạch (.yaml)</label><input type="file" id="ke-hoach" name="ke_hoach" accept=".yaml,.yml">
        <button type="submit">Kiểm tra và lưu</button></form>
        {{#planErrors.0}}<div class="alert"><p>Kế hoạch có lỗi, chưa lưu:</p><ul>{{#planErrors}}<li>{{.}}</li>{{/planErrors}}</ul></div>{{/planErrors.0}}
        """

    static let audit = """
        <table id="nhat-ky"><tr><th>Lúc</th><th>Ai</th><th>Việc</th><th>Đơn vị</th><th>Kỳ</th><th>Chỉ tiêu</th><th>Cũ</th><th>Mới</th></tr>
        {{#entries}}<tr><td>{{at}}</td><td>{{account}}</td><td>{{action}}</td><td>{{unit}}</td><td>{{period}}</td><td>{{figure}}</td><td>{{oldValue}}</td><td>{{newValue}}</td></tr>{{/entries}}
        </table>
        """

    static let message = """
        <p class="alert" id="thong-bao">{{message}}</p>
        {{#lines.0}}<ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/lines.0}}
        <p><a href="{{back}}">Trở lại</a></p>
        """
}
