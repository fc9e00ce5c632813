"""The data contract and its input/output.

What a data file holds (``schema``), what a clean frame is (``contract``), the reference tables
(``reference``), reading files into clean frames (``loading``, ``workbook``, value conventions in
``localtime``, ``plausibility``, ``value_pairs``), the limits and the parse worker that keep a hostile
file harmless (``limits``, ``worker``), importing into the data folder (``intake``, ``textreports``,
``backups``, ``files``), the loaded ``dataset``, downloads (``export``), the generated README dictionary
(``contract_doc``) and the sample generator (``sample``).

A new import format goes here.
"""
