/// The version of baocao: the one place it is written (`baocao --version`, the web server).
public enum BaocaoVersion {
    public static let current = "0.1.0"
}
