import BaocaoCLI
import Foundation

exit(await BaocaoCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
