import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord keygen`: makes an Ed25519 key pair for signing bundles.
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an Ed25519 key pair for signing bundles.",
            discussion: """
                Writes NAME.key, the private key (PKCS#8 PEM, readable by the owner only; it is \
                never printed), and NAME.pub, the public key (SubjectPublicKeyInfo PEM) to give to \
                partners, who put it in their trust folder. Prints the key's fingerprint; read the \
                short form over the phone to confirm a key. Existing files are never replaced. Both \
                files are what OpenSSL reads (openssl pkey -in NAME.key -noout -text).

                EXAMPLES
                  accord keygen --out keys/id-mod
                  accord pack records/ -o out.tar.gz --sender ID-MOD --recipient BY-MOD=BLR \\
                      --sign keys/id-mod.key

                EXIT STATUS
                  0 written; 2 usage or I/O error (nothing written)
                """
        )

        @Option(help: "The path and base name of the two files (NAME.key and NAME.pub).", completion: .file())
        var out: String

        func run() async throws {
            Interrupts.noteLeftovers(beside: out)
            let key = SigningKey()
            do throws(FileError) {
                let publicFile = try AtomicFile(destination: "\(out).pub", overwrite: false)
                let privateFile = try AtomicFile(destination: "\(out).key", overwrite: false, mode: 0o600)
                try privateFile.write(Array(key.pem.utf8))
                try publicFile.write(Array(key.publicKey.pem.utf8))
                try privateFile.commit()
                do throws(FileError) {
                    try publicFile.commit()
                } catch {
                    // Not half a key pair: the private key just written goes too.
                    Self.remove("\(out).key", writtenAs: privateFile)
                    throw error
                }
            } catch {
                Terminal.printError(error.shellDescription)
                throw ExitStatus.failure.exitCode
            }
            print("private key  \(out).key (keep it secret)")
            print("public key   \(out).pub (give it to partners)")
            print("fingerprint  \(key.publicKey.fingerprint)")
            print("read aloud   \(key.publicKey.shortFingerprint)")
        }

        /// Removes the file `path` if it is still the one `file` committed.
        static func remove(_ path: String, writtenAs file: AtomicFile) {
            var status = stat()
            if lstat(path, &status) == 0, let committed = file.committedInode, UInt64(status.st_ino) == committed { unlink(path) }
        }
    }
}
