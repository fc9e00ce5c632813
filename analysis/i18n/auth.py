"""Strings of the login gate, the demo banner and the account box."""

STRINGS: dict[str, tuple[str, str]] = {
    "auth.title": ("Masuk", "Sign in"),
    "auth.intro": (
        "Dasbor ini memuat data laporan warga. Masuk dengan akun yang diberikan admin Polsek.",
        "This dashboard holds residents' reports. Sign in with the account the Polsek admin gave you.",
    ),
    "auth.username": ("Nama pengguna", "Username"),
    "auth.password": ("Kata sandi", "Password"),
    "auth.submit": ("Masuk", "Sign in"),
    "auth.failed": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "auth.wait": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} seconds.",
    ),
    "auth.locked": (
        "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi pukul {time} atau minta "
        "admin membuka kunci (users reset).",
        "The account is locked for a while after too many failed attempts. Try again at {time} or ask the "
        "admin to unlock it (users reset).",
    ),
    "auth.expired": (
        "Sesi berakhir karena tidak ada aktivitas selama {minutes} menit. Silakan masuk lagi.",
        "The session ended after {minutes} minutes without activity. Please sign in again.",
    ),
    "auth.signed_out": ("Anda sudah keluar.", "You are signed out."),
    "auth.account_changed": (
        "Akun Anda dinonaktifkan atau diubah admin. Silakan masuk lagi.",
        "Your account was disabled or changed by the admin. Please sign in again.",
    ),
    "auth.signed_in": ("Masuk sebagai **{user}** ({role})", "Signed in as **{user}** ({role})"),
    "auth.logout": ("Keluar", "Sign out"),
    "auth.role.kapolsek": ("Kapolsek", "Sector chief"),
    "auth.role.analis": ("Analis", "Analyst"),
    "auth.role.tamu": ("Tamu", "Guest"),
    "auth.demo_user": ("Demo lokal", "Local demo"),
    "auth.file_missing": (
        "Berkas pengguna {path} (DASHBOARD_AUTH_FILE) belum ada. Buat pengguna pertama dengan "
        "`python -m analysis users add NAMA --role kapolsek --password-stdin`.",
        "The users file {path} (DASHBOARD_AUTH_FILE) does not exist yet. Create the first user with "
        "`python -m analysis users add NAME --role kapolsek --password-stdin`.",
    ),
    "auth.file_error": (
        "Berkas pengguna tidak dapat dipakai, jadi dasbor tetap terkunci: {reason}",
        "The users file cannot be used, so the dashboard stays locked: {reason}",
    ),
    "auth.refuse_address": (
        "Dasbor menolak berjalan: belum ada pengguna terdaftar, tetapi server mendengarkan di alamat "
        "'{address}', bukan hanya komputer ini. Jalankan dengan --server.address=127.0.0.1, atau buat "
        "pengguna dulu (python -m analysis users add ...) dan atur DASHBOARD_AUTH_FILE.",
        "The dashboard refuses to run: no users are configured, but the server listens on '{address}', "
        "not only on this computer. Start it with --server.address=127.0.0.1, or create users first "
        "(python -m analysis users add ...) and set DASHBOARD_AUTH_FILE.",
    ),
    "auth.all_interfaces": ("semua antarmuka jaringan", "all network interfaces"),
}
