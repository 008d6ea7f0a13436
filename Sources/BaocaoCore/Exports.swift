// Plugins import BaocaoCore alone: the document model they build sections from comes with it.
@_exported import BaocaoDocument
