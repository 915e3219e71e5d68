/* A PVH test kernel of our own: the VMM enters it at the address in its
 * XEN_ELFNOTE_PHYS32_ENTRY note, in 32-bit protected mode with paging off and %ebx
 * pointing at an hvm_start_info. It reports on COM1 what the VMM handed over (the
 * start_info version, the command line, the initrd module and the memory map), writes the
 * boot timer and exit code 33 to the exit device, and halts. */
	.code32
	.set COM1, 0x3f8
	.set EXIT_DEVICE, 0xc0000000
	.set START_INFO_MAGIC, 0x336ec578

	.section .text
	.globl _start
_start:
	mov	$0x90000, %esp		/* free low RAM below the EBDA */
	mov	%ebx, %ebp
	movb	$123, EXIT_DEVICE	/* boot timer: "the kernel is running" */
	cmpl	$START_INFO_MAGIC, (%ebp)
	jne	bad_magic

	mov	$s_version, %eax
	call	puts
	mov	4(%ebp), %eax		/* version */
	call	hex32
	call	newline

	mov	$s_cmdline, %eax
	call	puts
	mov	24(%ebp), %eax		/* cmdline_paddr (below 4 GiB) */
	call	puts
	call	newline

	cmpl	$0, 12(%ebp)		/* nr_modules */
	je	memmap
	mov	16(%ebp), %edi		/* modlist_paddr: the first module is the initrd */
	mov	$s_module, %eax
	call	puts
	mov	(%edi), %eax
	call	hex32
	call	space
	mov	8(%edi), %eax
	call	hex32
	call	newline
	mov	$s_module_text, %eax
	call	puts
	mov	(%edi), %eax		/* the initrd's bytes, up to a NUL */
	call	puts
	call	newline

memmap:
	mov	48(%ebp), %ecx		/* memmap_entries */
	mov	40(%ebp), %edi		/* memmap_paddr; 24-byte entries */
1:	test	%ecx, %ecx
	jz	done
	mov	$s_e820, %eax
	call	puts
	mov	4(%edi), %eax
	call	hex32
	mov	(%edi), %eax
	call	hex32
	call	space
	mov	12(%edi), %eax
	call	hex32
	mov	8(%edi), %eax
	call	hex32
	call	space
	mov	16(%edi), %eax
	add	$'0', %al
	call	putc
	call	newline
	add	$24, %edi
	dec	%ecx
	jmp	1b

done:
	movl	$33, EXIT_DEVICE + 4
	hlt

bad_magic:
	mov	$s_bad_magic, %eax
	call	puts
	movl	$1, EXIT_DEVICE + 4
	hlt

/* putc: %al to COM1 once its transmitter is empty. */
putc:
	push	%edx
	push	%eax
	mov	$COM1 + 5, %dx
1:	in	%dx, %al
	test	$0x20, %al
	jz	1b
	pop	%eax
	mov	$COM1, %dx
	out	%al, %dx
	pop	%edx
	ret

/* puts: the NUL-terminated string at %eax. */
puts:
	push	%esi
	push	%eax
	mov	%eax, %esi
1:	lodsb
	test	%al, %al
	jz	2f
	call	putc
	jmp	1b
2:	pop	%eax
	pop	%esi
	ret

/* hex32: %eax as 8 hex digits. */
hex32:
	push	%ecx
	push	%edx
	push	%eax
	mov	%eax, %edx
	mov	$8, %ecx
1:	rol	$4, %edx
	mov	%edx, %eax
	and	$0xf, %eax
	mov	hexdigits(%eax), %al
	call	putc
	loop	1b
	pop	%eax
	pop	%edx
	pop	%ecx
	ret

space:
	push	%eax
	mov	$' ', %al
	call	putc
	pop	%eax
	ret

newline:
	push	%eax
	mov	$'\n', %al
	call	putc
	pop	%eax
	ret

hexdigits:	.ascii "0123456789abcdef"
s_version:	.asciz "pvh: start_info version "
s_cmdline:	.asciz "cmdline: "
s_module:	.asciz "initrd: "
s_module_text:	.asciz "initrd text: "
s_e820:		.asciz "e820: "
s_bad_magic:	.asciz "pvh: bad start_info magic\n"

/* The PVH entry note (type 18, XEN_ELFNOTE_PHYS32_ENTRY, name "Xen"). */
	.section .note.pvh, "a", @note
	.balign 4
	.long	4, 4, 18
	.asciz	"Xen"
	.long	_start
